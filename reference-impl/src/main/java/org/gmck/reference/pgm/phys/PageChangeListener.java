package org.gmck.reference.pgm.phys;

/**
 * Told about changes to guest pages that those who map them (the shadow tables) must follow.
 */
public interface PageChangeListener {

    /** Nobody listens. */
    PageChangeListener NONE = new PageChangeListener() {
        @Override
        public void backingChanged(long gcPhysPage) {}

        @Override
        public void written(long gcPhys) {}
    };

    /** The page's host page, state or read-only flag changed. */
    void backingChanged(long gcPhysPage);

    /** Guest memory at {@code gcPhys} was written. */
    void written(long gcPhys);
}
