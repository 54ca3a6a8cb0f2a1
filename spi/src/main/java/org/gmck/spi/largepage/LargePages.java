package org.gmck.spi.largepage;

/**
 * Entry point of the large-page rules of seed 004 (profiles {@code large-pages} and
 * {@code large-pages-introspection}).
 */
public interface LargePages {

    /** A new MMU without memory slots, shadow entries or write protections. */
    ShadowMmu newMmu(MmuOptions options);
}
