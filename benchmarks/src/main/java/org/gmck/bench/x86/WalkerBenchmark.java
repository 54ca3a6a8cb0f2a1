package org.gmck.bench.x86;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gmck.reference.x86.PageMapFloor;
import org.gmck.reference.x86.ReferenceX86Mmu;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.EntryUse;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.PageSize;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Rights;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Level;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Translations a second of the reference walker, per paging mode and page size, next to the floor: the
 * same number of dependent loads (each address computed from the entry the previous load returned) from
 * the memory representation the reference had when the target was set, a hash map of 512-quadword pages; and the floor of what the SPI asks a
 * translation to return: the same loads plus the outcome ({@link Translated} with one {@link EntryUse} a level
 * read, in an immutable list), built from the loaded entries. Since the fourth round the reference holds guest
 * RAM in an open-addressing map: a second floor loads through that map itself ({@link #dependentLoadsPageMap}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WalkerBenchmark {

    @Param({
        "BITS32_4K",
        "BITS32_4M",
        "PAE_4K",
        "PAE_2M",
        "LEVEL4_4K",
        "LEVEL4_2M",
        "LEVEL4_1G",
        "LEVEL5_4K",
        "LEVEL5_2M",
        "LEVEL5_1G"
    })
    public WalkCase walkCase;

    private ReferenceX86Mmu mmu;
    private Access[] accesses;
    private long[] linear;
    private Map<Long, long[]> mirror;
    private PageMapFloor pageMap;
    private long firstTable;
    private int[] shifts;
    private long indexMask;
    private int entryBytes;
    private long offsetMask;
    private int next;
    private X86Level[] levels;
    private PageSize pageSize;
    private Rights rights;

    @Setup
    public void setUp() {
        CpuModel cpu = CpuModel.of(46, CpuFeature.PSE36, CpuFeature.NX, CpuFeature.PAGE_1GB, CpuFeature.LA57);
        mmu = ReferenceX86Mmu.create(cpu, 64L << 20);
        PageTables tables = new PageTables(mmu, walkCase);
        if (!(mmu.loadControlRegisters(walkCase.registers(tables.cr3)) instanceof Loaded)) {
            throw new IllegalStateException("registers refused for " + walkCase);
        }
        linear = tables.linear;
        accesses = new Access[linear.length];
        for (int i = 0; i < linear.length; i++) {
            accesses[i] = new Access(linear[i], AccessKind.READ, Privilege.SUPERVISOR);
            AccessOutcome outcome = mmu.access(accesses[i]);
            long floor = floorTranslate(tables, linear[i]);
            if (!(outcome instanceof Translated t) || t.physicalAddress() != floor) {
                throw new IllegalStateException(
                        walkCase + ": walker gave " + outcome + ", floor " + Long.toHexString(floor));
            }
        }
        Translated first = (Translated) mmu.access(accesses[0]);
        pageSize = first.pageSize();
        rights = first.rights();
        List<EntryUse> used = first.entries();
        levels = new X86Level[used.size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = used.get(i).level();
        }
        mirror = tables.mirror;
        pageMap = tables.pageMap;
        firstTable = tables.firstTable;
        shifts = walkCase.memoryLevels;
        indexMask = (1L << walkCase.indexBits) - 1;
        entryBytes = walkCase.entryBytes;
        offsetMask = (1L << walkCase.pageShift) - 1;
        if (levels.length < shifts.length) {
            throw new IllegalStateException(walkCase + ": the walker reports fewer entries than it loads");
        }
    }

    private long floorTranslate(PageTables tables, long la) {
        long table = tables.firstTable;
        long entry = 0;
        for (int shift : walkCase.memoryLevels) {
            long address = table + ((la >>> shift) & ((1L << walkCase.indexBits) - 1)) * walkCase.entryBytes;
            entry = tables.entry(address);
            table = entry & PageTables.TABLE_FRAME;
        }
        long offset = (1L << walkCase.pageShift) - 1;
        return entry & PageTables.TABLE_FRAME & ~offset | la & offset;
    }

    /** One translation by the reference walker (a supervisor read; A flags are already set). */
    @Benchmark
    public AccessOutcome walk() {
        return mmu.access(accesses[next++ & (PageTables.ADDRESSES - 1)]);
    }

    /**
     * The floor: the walk's dependent loads from the representation the reference had when the target was set
     * (a hash map of 512-quadword pages), and nothing else.
     */
    @Benchmark
    public long dependentLoads() {
        long la = linear[next++ & (PageTables.ADDRESSES - 1)];
        long table = firstTable;
        long entry = 0;
        for (int shift : shifts) {
            long address = table + ((la >>> shift) & indexMask) * entryBytes;
            long quad = mirror.get(address >>> 12)[(int) ((address >>> 3) & 511)];
            entry = entryBytes == 4 ? (quad >>> ((address & 4) << 3)) & 0xFFFF_FFFFL : quad;
            table = entry & PageTables.TABLE_FRAME;
        }
        return entry & PageTables.TABLE_FRAME & ~offsetMask | la & offsetMask;
    }

    /**
     * The same dependent loads from the representation the reference holds guest RAM in since the fourth
     * round (an open-addressing map of 512-quadword pages): what the loads of a walk in full cost now.
     */
    @Benchmark
    public long dependentLoadsPageMap() {
        long la = linear[next++ & (PageTables.ADDRESSES - 1)];
        long table = firstTable;
        long entry = 0;
        for (int shift : shifts) {
            long address = table + ((la >>> shift) & indexMask) * entryBytes;
            long quad = pageMap.get(address >>> 12)[(int) ((address >>> 3) & 511)];
            entry = entryBytes == 4 ? (quad >>> ((address & 4) << 3)) & 0xFFFF_FFFFL : quad;
            table = entry & PageTables.TABLE_FRAME;
        }
        return entry & PageTables.TABLE_FRAME & ~offsetMask | la & offsetMask;
    }

    /**
     * The floor of a translation through the SPI: the same dependent loads, and the outcome the SPI returns,
     * built from them (the walker reports, for PAE, the PDPTE register as well, so this floor builds as many
     * entries as the walker reports, the ones not loaded from memory with the register's value).
     */
    @Benchmark
    public AccessOutcome dependentLoadsAndOutcome() {
        long la = linear[next++ & (PageTables.ADDRESSES - 1)];
        long table = firstTable;
        long entry = 0;
        EntryUse[] uses = new EntryUse[levels.length];
        int skipped = levels.length - shifts.length;
        for (int i = 0; i < skipped; i++) {
            uses[i] = new EntryUse(levels[i], table, table);
        }
        for (int i = 0; i < shifts.length; i++) {
            long address = table + ((la >>> shifts[i]) & indexMask) * entryBytes;
            long quad = mirror.get(address >>> 12)[(int) ((address >>> 3) & 511)];
            entry = entryBytes == 4 ? (quad >>> ((address & 4) << 3)) & 0xFFFF_FFFFL : quad;
            uses[skipped + i] = new EntryUse(levels[skipped + i], address, entry);
            table = entry & PageTables.TABLE_FRAME;
        }
        long pa = entry & PageTables.TABLE_FRAME & ~offsetMask | la & offsetMask;
        return new Translated(pa, pageSize, rights, List.of(uses));
    }
}
