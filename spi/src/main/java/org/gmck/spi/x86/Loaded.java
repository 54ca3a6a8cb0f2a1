package org.gmck.spi.x86;

/**
 * The registers were loaded and are now in force.
 *
 * @param mode the paging mode they select
 */
public record Loaded(X86PagingMode mode) implements LoadOutcome {}
