package org.gmck.bochs.machine;

/**
 * Bochs raised #GP at the query's MOV to CR3: in PAE paging it loads the four PDPTEs into its PDPTE registers
 * there and refuses present ones with reserved bits set, so the query's access never happens.
 */
public class Cr3LoadRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Cr3LoadRefusedException(long errorCode) {
        super(String.format("Bochs raised #GP(%#x) at MOV to CR3 (a PDPTE register load refused)", errorCode));
    }
}
