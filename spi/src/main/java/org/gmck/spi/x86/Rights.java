package org.gmck.spi.x86;

/**
 * The effective rights of a translation (Intel SDM Vol. 3A, 4.6): R/W and U/S combined by AND over the
 * entries used, execute-disable by OR (and only where it counts), and the leaf's protection key.
 *
 * @param writable      R/W is 1 in every entry that has one
 * @param user          U/S is 1 in every entry that has one (a user-mode address)
 * @param executable    no entry used has XD=1 while XD counts (EFER.NXE=1 in PAE, 4-level, 5-level paging)
 * @param protectionKey bits 62:59 of the leaf in 4-level and 5-level paging when CR4.PKE or CR4.PKS is set,
 *                      otherwise 0
 */
public record Rights(boolean writable, boolean user, boolean executable, int protectionKey) {
    /** All rights, key 0: what an access without paging has. */
    public static final Rights ALL = new Rights(true, true, true, 0);
}
