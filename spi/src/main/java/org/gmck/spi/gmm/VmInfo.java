package org.gmck.spi.gmm;

/**
 * The GMM's per-VM data.
 *
 * @param policy          the over-commitment policy
 * @param priority        the priority
 * @param reservedBase    reserved BASE pages
 * @param reservedShadow  reserved SHADOW pages
 * @param reservedFixed   reserved FIXED pages
 * @param allocatedBase   allocated BASE pages (private and shared references)
 * @param allocatedShadow allocated SHADOW pages
 * @param allocatedFixed  allocated FIXED pages
 * @param privatePages    private pages owned
 * @param sharedPages     references to shared pages held
 */
public record VmInfo(
        OcPolicy policy,
        Priority priority,
        long reservedBase,
        long reservedShadow,
        long reservedFixed,
        long allocatedBase,
        long allocatedShadow,
        long allocatedFixed,
        long privatePages,
        long sharedPages) {}
