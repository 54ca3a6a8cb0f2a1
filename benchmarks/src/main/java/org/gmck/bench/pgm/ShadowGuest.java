package org.gmck.bench.pgm;

import org.gmck.reference.pgm.vm.PgmGuestMemoryFactory;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.shadow.ShadowVm;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryFlags;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.X86PagingMode;

/**
 * A shadow-paged VM on an AMD64 host whose 4-level guest maps {@code mapped} consecutive linear pages,
 * built through the SPI. The guest's tables sit at the bottom of guest RAM; the mapped pages go to
 * {@code distinct} data pages above them, round robin (reading a page on the zero page allocates nothing, so
 * a million mapped pages need no million host pages).
 */
final class ShadowGuest {

    static final long DATA_LINEAR = 0x4000_0000L;
    private static final long PRESENT_RW_USER = EntryFlags.mask(EntryFlag.PRESENT, EntryFlag.WRITABLE, EntryFlag.USER);
    private static final long CR3 = 0x1000;

    final ShadowVm vm;
    final int mapped;
    final long dataBase;

    ShadowGuest(int mapped, int distinct, long extraHostPages) {
        this.mapped = mapped;
        int pts = (mapped + 511) / 512;
        int pds = (pts + 511) / 512;
        long tablePages = 2 + pds + pts;
        dataBase = (tablePages + 1) << 12;
        vm = new PgmGuestMemoryFactory().newShadowVm(PagingMode.AMD64, tablePages + 16 + extraHostPages);
        GuestPhysicalMemory memory = vm.memory();
        memory.registerRange(PageType.RAM, 0, dataBase + ((long) distinct << 12));
        long pml4 = CR3;
        long pdpt = pml4 + 0x1000;
        long firstPd = pdpt + 0x1000;
        long firstPt = firstPd + ((long) pds << 12);
        memory.write(pml4 + 8 * ((DATA_LINEAR >>> 39) & 511), 8, pdpt | PRESENT_RW_USER);
        for (int d = 0; d < pds; d++) {
            long la = DATA_LINEAR + ((long) d << 30);
            memory.write(pdpt + 8 * ((la >>> 30) & 511), 8, (firstPd + ((long) d << 12)) | PRESENT_RW_USER);
        }
        for (int t = 0; t < pts; t++) {
            long la = DATA_LINEAR + ((long) t << 21);
            long pd = firstPd + ((long) (t / 512) << 12);
            memory.write(pd + 8 * ((la >>> 21) & 511), 8, (firstPt + ((long) t << 12)) | PRESENT_RW_USER);
        }
        for (int i = 0; i < mapped; i++) {
            long pt = firstPt + ((long) (i / 512) << 12);
            long frame = dataBase + ((long) (i % distinct) << 12);
            memory.write(pt + 8L * (i % 512), 8, frame | PRESENT_RW_USER);
        }
        if (!(vm.loadControlRegisters(ControlRegisters.forMode(X86PagingMode.LEVEL4, CR3)) instanceof Loaded)) {
            throw new IllegalStateException("the guest's registers were refused");
        }
    }

    static long linear(int page) {
        return DATA_LINEAR + ((long) page << 12);
    }

    /** Reads every mapped page once (each read on a page the shadow lacks is a sync fault). */
    long touchAll() {
        long sum = 0;
        for (int i = 0; i < mapped; i++) {
            sum += vm.access(linear(i), AccessKind.READ, Privilege.USER, 8, 0).value();
        }
        return sum;
    }
}
