package org.gmck.qemu.machine;

import java.util.Map;
import java.util.Optional;
import org.gmck.engine.MachineQuery;
import org.gmck.engine.PagingMode;

/**
 * QEMU 7.2's debug translation ({@code x86_cpu_get_phys_page_attrs_debug}, what {@code gva2gpa} prints)
 * done on the host over a query's memory: it checks only P, and PS where a level may map a page, and
 * returns the physical address. The batch path uses it where the single-step path asks QEMU: for the
 * physical address of a query that asks for it, and for the byte a store or fetch lands on.
 *
 * <p>It reads the query's words only; a walk that would read memory the query does not describe in the
 * harness's part of QEMU's RAM has no answer here ({@link Result#unknown}).
 */
final class DebugWalk {

    private static final long P = 1, PS = 0x80;
    private static final long ADDRESS = 0x000F_FFFF_FFFF_F000L;

    /** The outcome: unmapped, mapped to {@code physical}, or not decidable on the host. */
    record Result(boolean unknown, Optional<Long> physical) {
        static final Result UNKNOWN = new Result(true, Optional.empty());
        static final Result UNMAPPED = new Result(false, Optional.empty());
    }

    private final Map<Long, Long> memory;
    private final long harnessBase;
    private final long ramTop;
    private boolean unknown;

    private DebugWalk(Map<Long, Long> memory, long harnessBase, long ramTop) {
        this.memory = memory;
        this.harnessBase = harnessBase;
        this.ramTop = ramTop;
    }

    /**
     * The debug translation of the query's linear address, reading the query's words (zero elsewhere below
     * {@code harnessBase} and from {@code ramTop} on, where QEMU has no RAM).
     */
    static Result of(MachineQuery q, long harnessBase, long ramTop) {
        DebugWalk w = new DebugWalk(q.memory(), harnessBase, ramTop);
        long pa = w.walk(q);
        if (w.unknown) {
            return Result.UNKNOWN;
        }
        return pa < 0 ? Result.UNMAPPED : new Result(false, Optional.of(pa));
    }

    private long q64(long address) {
        if (address + 8 > harnessBase && address < ramTop && !memory.containsKey(address & ~7L)) {
            unknown = true;
            return 0;
        }
        return memory.getOrDefault(address & ~7L, 0L);
    }

    private long q32(long address) {
        return q64(address) >>> (8 * (address & 4)) & 0xFFFF_FFFFL;
    }

    private long walk(MachineQuery q) {
        long addr = q.linear();
        long cr3 = q.cr3();
        long pageSize;
        long pte;
        if (q.mode() == PagingMode.BITS32) {
            long pde = q32(((cr3 & 0xFFFF_F000L) + ((addr >>> 20) & 0xFFC)) & 0xFFFF_FFFFL);
            if ((pde & P) == 0) {
                return -1;
            }
            if ((pde & PS) != 0 && q.pse()) {
                pte = pde | (pde & 0x1FE000L) << (32 - 13);
                pageSize = 4L << 20;
            } else {
                pte = q32(((pde & ~0xFFFL) + ((addr >>> 10) & 0xFFC)) & 0xFFFF_FFFFL);
                if ((pte & P) == 0) {
                    return -1;
                }
                pageSize = 4096;
            }
        } else {
            long pdpe;
            if (q.mode().longMode()) {
                boolean la57 = q.mode() == PagingMode.LEVEL5;
                long pml5e;
                if (la57) {
                    pml5e = q64((cr3 & ~0xFFFL) + ((addr >>> 48 & 0x1FF) << 3));
                    if ((pml5e & P) == 0) {
                        return -1;
                    }
                } else {
                    pml5e = cr3;
                }
                long sext = addr >> (la57 ? 56 : 47);
                if (sext != 0 && sext != -1) {
                    return -1;
                }
                long pml4e = q64((pml5e & ADDRESS) + ((addr >>> 39 & 0x1FF) << 3));
                if ((pml4e & P) == 0) {
                    return -1;
                }
                pdpe = q64((pml4e & ADDRESS) + ((addr >>> 30 & 0x1FF) << 3));
                if ((pdpe & P) == 0) {
                    return -1;
                }
                if ((pdpe & PS) != 0) {
                    return physical(pdpe, 1L << 30, addr);
                }
            } else {
                pdpe = q64(((cr3 & ~0x1FL) + ((addr >>> 27) & 0x18)) & 0xFFFF_FFFFL);
                if ((pdpe & P) == 0) {
                    return -1;
                }
            }
            long pde = q64((pdpe & ADDRESS) + ((addr >>> 21 & 0x1FF) << 3));
            if ((pde & P) == 0) {
                return -1;
            }
            if ((pde & PS) != 0) {
                pte = pde;
                pageSize = 2L << 20;
            } else {
                pte = q64((pde & ADDRESS) + ((addr >>> 12 & 0x1FF) << 3));
                pageSize = 4096;
            }
            if ((pte & P) == 0) {
                return -1;
            }
        }
        return physical(pte, pageSize, addr);
    }

    private static long physical(long pte, long pageSize, long addr) {
        return (pte & ADDRESS & ~(pageSize - 1)) | (addr & (pageSize - 1));
    }
}
