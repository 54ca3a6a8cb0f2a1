package org.gmck.differential;

import org.gmck.spi.x86.X86Level;

/** One entry a generated case put on the access's path: where, how wide, at which level, and whether it is the leaf. */
public record PathEntry(long address, int width, X86Level level, boolean leaf) {}
