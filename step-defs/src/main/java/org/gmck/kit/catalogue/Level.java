package org.gmck.kit.catalogue;

/** Requirement level of a rule, in the sense of RFC 2119. */
public enum Level {
    MUST,
    SHOULD,
    MAY
}
