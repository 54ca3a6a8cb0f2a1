package org.gmck.kit.x86model;

import static org.gmck.kit.x86walk.X86Defaults.cpuWithout;
import static org.gmck.kit.x86walk.X86Defaults.fullCpu;
import static org.gmck.spi.x86.ControlRegisters.CR0_WP;
import static org.gmck.spi.x86.ControlRegisters.CR4_PKE;
import static org.gmck.spi.x86.ControlRegisters.CR4_PKS;
import static org.gmck.spi.x86.ControlRegisters.CR4_PSE;
import static org.gmck.spi.x86.ControlRegisters.CR4_SMAP;
import static org.gmck.spi.x86.ControlRegisters.CR4_SMEP;
import static org.gmck.spi.x86.ControlRegisters.EFER_NXE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.gmck.kit.x86walk.PathBuilder;
import org.gmck.kit.x86walk.WalkSpec;
import org.gmck.kit.x86walk.X86RuleModel;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.GeneralProtection;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.PageSize;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Mmu;
import org.gmck.spi.x86.X86PagingMode;

/**
 * Generates the cases of {@code x86-fixtures/} systematically. Expected outcomes come from
 * {@link X86RuleModel}, never from an implementation. Deterministic: the same code gives the same files.
 */
public final class X86FixtureGenerator {

    static final long P = EntryFlag.PRESENT.mask();
    static final long RW = EntryFlag.WRITABLE.mask();
    static final long US = EntryFlag.USER.mask();
    static final long A = EntryFlag.ACCESSED.mask();
    static final long D = EntryFlag.DIRTY.mask();
    static final long XD = EntryFlag.EXECUTE_DISABLE.mask();
    static final long RFLAGS_AC = X86Mmu.RFLAGS_AC;

    /** Every kind of access there is: 3 x 3 minus the implicit fetch. */
    public static final List<Access> ACCESS_KINDS = List.of(
            new Access(0, AccessKind.READ, Privilege.USER),
            new Access(0, AccessKind.WRITE, Privilege.USER),
            new Access(0, AccessKind.FETCH, Privilege.USER),
            new Access(0, AccessKind.READ, Privilege.SUPERVISOR),
            new Access(0, AccessKind.WRITE, Privilege.SUPERVISOR),
            new Access(0, AccessKind.FETCH, Privilege.SUPERVISOR),
            new Access(0, AccessKind.READ, Privilege.IMPLICIT_SUPERVISOR),
            new Access(0, AccessKind.WRITE, Privilege.IMPLICIT_SUPERVISOR));

    private static final List<X86PagingMode> PAGED =
            List.of(X86PagingMode.BITS32, X86PagingMode.PAE, X86PagingMode.LEVEL4, X86PagingMode.LEVEL5);

    private X86FixtureGenerator() {}

    /** All fixture files. */
    public static List<FixtureFile> generate() {
        List<FixtureFile> files = new ArrayList<>();
        files.add(unpaged());
        for (X86PagingMode mode : PAGED) {
            files.add(reserved(mode));
            files.add(rights(mode));
            files.add(controls(mode));
        }
        return files;
    }

    /** The names of the files {@link #generate()} produces, in order. */
    public static List<String> fileNames() {
        List<String> names = new ArrayList<>(List.of("unpaged"));
        for (X86PagingMode mode : PAGED) {
            for (String topic : List.of("reserved", "rights", "controls")) {
                names.add(fileStem(mode) + "-" + topic);
            }
        }
        return names;
    }

    static String fileStem(X86PagingMode mode) {
        return switch (mode) {
            case NONE -> "unpaged";
            case BITS32 -> "bits32";
            case PAE -> "pae";
            case LEVEL4 -> "level4";
            case LEVEL5 -> "level5";
        };
    }

    /** A linear address for case {@code n} of a mode: fixed table indexes, a varying page offset. */
    public static long linear(X86PagingMode mode, int n) {
        long base = switch (mode) {
            case NONE, BITS32 -> 0x1234_5000L;
            case PAE -> 0xC765_4000L;
            case LEVEL4 -> n % 2 == 0 ? 0x0000_7123_4567_8000L : 0xFFFF_9234_5678_9000L;
            case LEVEL5 -> n % 2 == 0 ? 0x00AB_CDEF_1234_5000L : 0xFF12_3456_789A_B000L;
        };
        return base | ((n * 0x9DL) & 0xFFF);
    }

    static Access at(Access kind, long linearAddress) {
        return new Access(linearAddress, kind.kind(), kind.privilege());
    }

    /** Gathers the cases of one file, numbering them and asking the model for each expectation. */
    static final class Collector {
        private final String name;
        private final String description;
        private final List<FixtureCase> cases = new ArrayList<>();

        Collector(String name, String description) {
            this.name = name;
            this.description = description;
        }

        int next() {
            return cases.size();
        }

        void add(String comment, List<String> rules, List<String> flags, WalkSpec spec) {
            X86RuleModel.Expectation expected = X86RuleModel.expect(spec);
            Set<String> allRules = new LinkedHashSet<>(rules);
            allRules.addAll(outcomeRules(spec, expected));
            cases.add(new FixtureCase(
                    name + "-" + (cases.size() + 1), comment, List.copyOf(allRules), flags, spec, expected));
        }

        FixtureFile file() {
            return new FixtureFile(name, description, List.copyOf(cases));
        }
    }

    /** Rules every case of an outcome exercises: the error code and CR2, or the A/D updates. */
    static List<String> outcomeRules(WalkSpec spec, X86RuleModel.Expectation expected) {
        List<String> rules = new ArrayList<>();
        if (expected.outcome() instanceof PageFault pf) {
            rules.add("X86-ERR-1");
            if (spec.access().kind() == AccessKind.FETCH) {
                rules.add("X86-ERR-2");
            }
            rules.add((pf.errorCode() & PageFault.P) == 0 ? "X86-RSVD-1" : "X86-AD-3");
            if (!expected.accessedMayBeSet().isEmpty()) {
                rules.add("X86-AD-4");
            }
            if ((pf.errorCode() & PageFault.RSVD) != 0) {
                rules.add("X86-RSVD-8");
            }
        } else if (expected.outcome() instanceof Translated t && !t.entries().isEmpty()) {
            rules.add("X86-AD-1");
            if (spec.access().kind() == AccessKind.WRITE) {
                rules.add("X86-AD-2");
            }
        } else if (expected.outcome() instanceof GeneralProtection gp && !expected.atLoad()) {
            rules.add("X86-CANON-1");
        }
        return rules;
    }

    // ---------------------------------------------------------------- no paging

    private static FixtureFile unpaged() {
        Collector c = new Collector("unpaged", "CR0.PG=0: every access translates to the same physical address");
        long[] addresses = {0, 0xFFF, 0x1234_5678L, 0xFFFF_FFFFL};
        for (long la : addresses) {
            for (Access kind : ACCESS_KINDS) {
                ControlRegisters regs = ControlRegisters.forMode(X86PagingMode.NONE, 0);
                WalkSpec spec =
                        PathBuilder.build(fullCpu(46), regs, 0, 0, 0, PageSize.UNPAGED, new long[0], at(kind, la));
                c.add(
                        "no paging: " + kind.privilege() + " " + kind.kind() + " at " + Long.toHexString(la),
                        List.of("X86-MODE-1"),
                        List.of(),
                        spec);
            }
        }
        return c.file();
    }

    // ---------------------------------------------------------------- reserved bits

    /** One entry kind whose bits are set one at a time. */
    record EntryKind(String name, int index, PageSize leaf, boolean table) {}

    static List<EntryKind> entryKinds(X86PagingMode mode) {
        return switch (mode) {
            case BITS32 ->
                List.of(
                        new EntryKind("PDE->PT", 0, PageSize.SIZE_4K, true),
                        new EntryKind("PDE 4MB", 0, PageSize.SIZE_4M, false),
                        new EntryKind("PTE", 1, PageSize.SIZE_4K, false));
            case PAE ->
                List.of(
                        new EntryKind("PDPTE", 0, PageSize.SIZE_4K, true),
                        new EntryKind("PDE->PT", 1, PageSize.SIZE_4K, true),
                        new EntryKind("PDE 2MB", 1, PageSize.SIZE_2M, false),
                        new EntryKind("PTE", 2, PageSize.SIZE_4K, false));
            case LEVEL4 ->
                List.of(
                        new EntryKind("PML4E", 0, PageSize.SIZE_4K, true),
                        new EntryKind("PDPTE->PD", 1, PageSize.SIZE_4K, true),
                        new EntryKind("PDPTE 1GB", 1, PageSize.SIZE_1G, false),
                        new EntryKind("PDE->PT", 2, PageSize.SIZE_4K, true),
                        new EntryKind("PDE 2MB", 2, PageSize.SIZE_2M, false),
                        new EntryKind("PTE", 3, PageSize.SIZE_4K, false));
            case LEVEL5 ->
                List.of(
                        new EntryKind("PML5E", 0, PageSize.SIZE_4K, true),
                        new EntryKind("PML4E", 1, PageSize.SIZE_4K, true),
                        new EntryKind("PDPTE->PD", 2, PageSize.SIZE_4K, true),
                        new EntryKind("PDPTE 1GB", 2, PageSize.SIZE_1G, false),
                        new EntryKind("PDE->PT", 3, PageSize.SIZE_4K, true),
                        new EntryKind("PDE 2MB", 3, PageSize.SIZE_2M, false),
                        new EntryKind("PTE", 4, PageSize.SIZE_4K, false));
            case NONE -> List.of();
        };
    }

    private static FixtureFile reserved(X86PagingMode mode) {
        Collector c = new Collector(
                fileStem(mode) + "-reserved",
                "every bit of every entry kind of " + mode
                        + " paging set alone in an otherwise permissive path, over several MAXPHYADDR values: reserved "
                        + "bits fault with P|RSVD, ignored bits and flags do not");
        int width = mode == X86PagingMode.BITS32 ? 32 : 64;
        for (CpuConfig config : cpuConfigs(mode)) {
            for (EntryKind kind : entryKinds(mode)) {
                if (kind.leaf() == PageSize.SIZE_4M && !config.pse()) {
                    continue;
                }
                for (int bit = 3; bit < width; bit++) {
                    boolean addressBit =
                            bit >= 12 && bit < Math.min(config.cpu().maxPhysAddr(), width) && kind.table();
                    boolean structural = bit == 7
                            && !(kind.name().startsWith("PML")
                                    || kind.name().equals("PTE")
                                    || (kind.name().equals("PDE->PT") && !config.pse())
                                    || kind.name().equals("PDPTE"));
                    if (addressBit || structural) {
                        continue;
                    }
                    addReservedCase(c, mode, config, kind, bit);
                }
            }
            if (mode == X86PagingMode.LEVEL4 || mode == X86PagingMode.LEVEL5) {
                CpuModel no1g = cpuWithout(config.cpu().maxPhysAddr(), CpuFeature.PAGE_1GB);
                EntryKind kind = entryKinds(mode).stream()
                        .filter(k -> k.name().equals("PDPTE 1GB"))
                        .findFirst()
                        .orElseThrow();
                CpuConfig withoutPage1g = new CpuConfig(no1g, config.nxe(), config.pse());
                addReservedCase(c, mode, withoutPage1g, kind, -1);
            }
        }
        return c.file();
    }

    /** A CPU and the register choices a reserved-bit sweep runs under. */
    record CpuConfig(CpuModel cpu, boolean nxe, boolean pse) {}

    static List<CpuConfig> cpuConfigs(X86PagingMode mode) {
        List<CpuConfig> configs = new ArrayList<>();
        if (mode == X86PagingMode.BITS32) {
            for (int m : new int[] {32, 36, 40, 46}) {
                for (boolean pse36 : new boolean[] {true, false}) {
                    CpuModel cpu = pse36 ? fullCpu(m) : cpuWithout(m, CpuFeature.PSE36);
                    configs.add(new CpuConfig(cpu, false, true));
                    configs.add(new CpuConfig(cpu, false, false));
                }
            }
        } else {
            for (int m : new int[] {36, 46, 52}) {
                configs.add(new CpuConfig(fullCpu(m), true, false));
                configs.add(new CpuConfig(fullCpu(m), false, false));
            }
        }
        return configs;
    }

    private static void addReservedCase(Collector c, X86PagingMode mode, CpuConfig config, EntryKind kind, int bit) {
        int n = c.next();
        long la = linear(mode, n);
        Access access = at(ACCESS_KINDS.get(n % ACCESS_KINDS.size()), la);
        ControlRegisters regs = ControlRegisters.forMode(mode, 0)
                .withCr0(CR0_WP)
                .withCr4(config.pse() ? CR4_PSE : 0)
                .withEfer(config.nxe() ? EFER_NXE : 0);
        int depth = PathBuilder.depth(mode, kind.leaf());
        long[] flags = new long[depth];
        Arrays.fill(flags, P | RW | US);
        if (mode == X86PagingMode.PAE) {
            flags[0] = P;
        }
        if (bit >= 0) {
            flags[kind.index()] |= 1L << bit;
        }
        WalkSpec spec = PathBuilder.build(config.cpu(), regs, 0, 0, 0, kind.leaf(), flags, access);
        String what =
                bit < 0 ? "PS set in a PDPTE on a CPU without 1 GB pages" : "bit " + bit + " set in the " + kind.name();
        String comment = String.format(
                "%s, MAXPHYADDR %d%s%s%s",
                what,
                config.cpu().maxPhysAddr(),
                config.nxe() ? ", NXE" : "",
                config.pse() ? ", CR4.PSE" : "",
                config.cpu().has(CpuFeature.PSE36) || mode != X86PagingMode.BITS32 ? "" : ", no PSE-36");
        List<String> flagsNote = new ArrayList<>();
        if (bit == 63 && !config.nxe()) {
            flagsNote.add("NxeOff");
        }
        if (bit >= config.cpu().maxPhysAddr() && bit <= 62) {
            flagsNote.add("AboveMaxPhysAddr");
        }
        c.add(comment, List.of(bitRule(mode, config, kind, bit)), flagsNote, spec);
    }

    /** The catalogue rule that says what a bit of an entry kind is. */
    static String bitRule(X86PagingMode mode, CpuConfig config, EntryKind kind, int bit) {
        int m = config.cpu().maxPhysAddr();
        if (bit < 0) {
            return "X86-LARGE-4";
        }
        if (mode == X86PagingMode.PAE && kind.name().equals("PDPTE")) {
            return "X86-PDPTE-5";
        }
        if (mode == X86PagingMode.BITS32) {
            if (kind.leaf() == PageSize.SIZE_4M && bit >= 13 && bit <= 21) {
                return "X86-RSVD-6";
            }
            if (bit == 7 && kind.name().equals("PDE->PT")) {
                return "X86-LARGE-1";
            }
            return kind.name().equals("PTE") || kind.table() ? "X86-RSVD-9" : "X86-RSVD-7";
        }
        if (bit == 63) {
            return config.nxe() ? "X86-RSVD-7" : "X86-RSVD-3";
        }
        if (bit == 7 && kind.name().startsWith("PML")) {
            return "X86-RSVD-4";
        }
        int alignTop = kind.leaf() == PageSize.SIZE_1G ? 29 : 20;
        if (!kind.table() && kind.leaf() != PageSize.SIZE_4K && bit >= 13 && bit <= alignTop) {
            return "X86-RSVD-5";
        }
        int highTop = mode == X86PagingMode.PAE ? 62 : 51;
        if (bit >= m && bit <= highTop) {
            return "X86-RSVD-2";
        }
        if (bit == 12 && kind.leaf() != PageSize.SIZE_4K && !kind.table()) {
            return "X86-LARGE-5";
        }
        return "X86-RSVD-7";
    }

    // ---------------------------------------------------------------- rights

    private static FixtureFile rights(X86PagingMode mode) {
        Collector c = new Collector(
                fileStem(mode) + "-rights",
                "every combination of P, R/W, U/S and XD in the "
                        + "leaf and one upper entry of " + mode + " paging, against every kind of access, with CR0.WP "
                        + "clear and set for writes");
        boolean hasXd = mode != X86PagingMode.BITS32;
        int upper = switch (mode) {
            case BITS32 -> 0;
            case PAE, LEVEL4 -> 1;
            default -> 0;
        };
        int combos = hasXd ? 16 : 8;
        for (int u = 0; u < combos; u++) {
            for (int l = 0; l < combos; l++) {
                for (Access kind : ACCESS_KINDS) {
                    boolean[] wps = kind.kind() == AccessKind.WRITE
                            ? new boolean[] {false, true}
                            : new boolean[] {(u + l) % 2 == 0};
                    for (boolean wp : wps) {
                        addRightsCase(c, mode, upper, rightsBits(u), rightsBits(l), kind, wp);
                    }
                }
            }
        }
        return c.file();
    }

    static long rightsBits(int combo) {
        return ((combo & 1) != 0 ? P : 0)
                | ((combo & 2) != 0 ? RW : 0)
                | ((combo & 4) != 0 ? US : 0)
                | ((combo & 8) != 0 ? XD : 0);
    }

    static String describe(long bits) {
        return ((bits & P) != 0 ? "P" : "-")
                + ((bits & RW) != 0 ? "W" : "-")
                + ((bits & US) != 0 ? "U" : "-")
                + ((bits & XD) != 0 ? "X" : "-");
    }

    private static void addRightsCase(
            Collector c, X86PagingMode mode, int upper, long upperBits, long leafBits, Access kind, boolean wp) {
        int n = c.next();
        ControlRegisters regs = ControlRegisters.forMode(mode, 0)
                .withCr0(wp ? CR0_WP : 0)
                .withEfer(mode == X86PagingMode.BITS32 ? 0 : EFER_NXE);
        int depth = PathBuilder.depth(mode, PageSize.SIZE_4K);
        long[] flags = new long[depth];
        Arrays.fill(flags, P | RW | US);
        if (mode == X86PagingMode.PAE) {
            flags[0] = P;
        }
        flags[upper] = upperBits;
        flags[depth - 1] = leafBits;
        WalkSpec spec =
                PathBuilder.build(fullCpu(46), regs, 0, 0, 0, PageSize.SIZE_4K, flags, at(kind, linear(mode, n)));
        String comment = String.format(
                "%s %s, %s entry %s, leaf %s, WP=%d",
                kind.privilege(),
                kind.kind(),
                mode.levels().get(upper),
                describe(upperBits),
                describe(leafBits),
                wp ? 1 : 0);
        List<String> rules = new ArrayList<>(List.of("X86-AR-1", "X86-AR-2"));
        rules.add(mode == X86PagingMode.BITS32 ? "X86-AR-8" : "X86-AR-3");
        rules.add(kind.privilege() == Privilege.USER ? "X86-AR-4" : "X86-AR-6");
        if (kind.kind() == AccessKind.WRITE) {
            rules.add(kind.privilege() == Privilege.USER ? "X86-AR-5" : "X86-AR-6");
        }
        if (kind.kind() == AccessKind.FETCH && mode != X86PagingMode.BITS32) {
            rules.add("X86-AR-7");
        }
        c.add(comment, rules, List.of(), spec);
    }

    // ---------------------------------------------------------------- controls: SMEP, SMAP, keys, A/D, precedence

    private static FixtureFile controls(X86PagingMode mode) {
        Collector c = new Collector(
                fileStem(mode) + "-controls",
                "SMEP, SMAP with RFLAGS.AC and implicit "
                        + "accesses, protection keys, A/D at every level, fault precedence across levels and canonical "
                        + "addresses in " + mode + " paging");
        smepSmap(c, mode);
        if (mode != X86PagingMode.BITS32) {
            protectionKeys(c, mode);
        }
        accessedDirty(c, mode);
        precedence(c, mode);
        if (mode == X86PagingMode.LEVEL4 || mode == X86PagingMode.LEVEL5) {
            canonical(c, mode);
        }
        if (mode == X86PagingMode.PAE) {
            pdpteNotPresent(c);
        }
        if (mode == X86PagingMode.BITS32) {
            pse36(c);
        }
        return c.file();
    }

    private static long[] permissive(X86PagingMode mode, PageSize leaf) {
        long[] flags = new long[PathBuilder.depth(mode, leaf)];
        Arrays.fill(flags, P | RW | US);
        if (mode == X86PagingMode.PAE) {
            flags[0] = P;
        }
        return flags;
    }

    private static void smepSmap(Collector c, X86PagingMode mode) {
        for (int userPage = 0; userPage < 2; userPage++) {
            for (int writable = 0; writable < 2; writable++) {
                for (Access kind : ACCESS_KINDS) {
                    for (int controls = 0; controls < 16; controls++) {
                        boolean smep = (controls & 1) != 0;
                        boolean smap = (controls & 2) != 0;
                        boolean ac = (controls & 4) != 0;
                        boolean wp = (controls & 8) != 0;
                        ControlRegisters regs = ControlRegisters.forMode(mode, 0)
                                .withCr0(wp ? CR0_WP : 0)
                                .withCr4((smep ? CR4_SMEP : 0) | (smap ? CR4_SMAP : 0))
                                .withEfer(mode == X86PagingMode.BITS32 ? 0 : EFER_NXE);
                        long[] flags = permissive(mode, PageSize.SIZE_4K);
                        flags[flags.length - 1] = P | (writable == 1 ? RW : 0) | (userPage == 1 ? US : 0);
                        WalkSpec spec = PathBuilder.build(
                                fullCpu(46),
                                regs,
                                ac ? RFLAGS_AC : 0,
                                0,
                                0,
                                PageSize.SIZE_4K,
                                flags,
                                at(kind, linear(mode, c.next())));
                        List<String> rules = new ArrayList<>();
                        if (kind.kind() == AccessKind.FETCH) {
                            rules.add(kind.privilege() == Privilege.USER ? "X86-SMEP-2" : "X86-SMEP-1");
                            rules.add("X86-SMAP-4");
                        } else if (kind.privilege() == Privilege.IMPLICIT_SUPERVISOR) {
                            rules.add("X86-SMAP-3");
                        } else if (kind.privilege() == Privilege.SUPERVISOR) {
                            rules.add(ac ? "X86-SMAP-2" : "X86-SMAP-1");
                            rules.add("X86-SMEP-2");
                        } else {
                            rules.add("X86-SMEP-2");
                        }
                        c.add(
                                String.format(
                                        "%s %s, leaf %s, SMEP=%d SMAP=%d AC=%d WP=%d",
                                        kind.privilege(),
                                        kind.kind(),
                                        describe(flags[flags.length - 1]),
                                        smep ? 1 : 0,
                                        smap ? 1 : 0,
                                        ac ? 1 : 0,
                                        wp ? 1 : 0),
                                rules,
                                List.of(),
                                spec);
                    }
                }
            }
        }
    }

    private static void protectionKeys(Collector c, X86PagingMode mode) {
        for (int userPage = 0; userPage < 2; userPage++) {
            for (int writable = 0; writable < 2; writable++) {
                for (Access kind : ACCESS_KINDS) {
                    for (int controls = 0; controls < 32; controls++) {
                        boolean pke = (controls & 1) != 0;
                        boolean pks = (controls & 2) != 0;
                        int keyBits = (controls >> 2) & 3;
                        boolean wp = (controls & 16) != 0;
                        int n = c.next();
                        int key = n % 16;
                        int others = 0x5555_5555 & ~(3 << (2 * key));
                        int pkr = (others ^ 0xFFFF_FFFF) & ~(3 << (2 * key)) | (keyBits << (2 * key));
                        ControlRegisters regs = ControlRegisters.forMode(mode, 0)
                                .withCr0(wp ? CR0_WP : 0)
                                .withCr4((pke ? CR4_PKE : 0) | (pks ? CR4_PKS : 0))
                                .withEfer(EFER_NXE);
                        long[] flags = permissive(mode, PageSize.SIZE_4K);
                        flags[flags.length - 1] =
                                P | (writable == 1 ? RW : 0) | (userPage == 1 ? US : 0) | ((long) key << 59);
                        if (flags.length > 1 && mode != X86PagingMode.PAE) {
                            flags[flags.length - 2] |= (long) ((key + 1) % 16) << 59;
                        }
                        WalkSpec spec = PathBuilder.build(
                                fullCpu(46), regs, 0, pkr, pkr, PageSize.SIZE_4K, flags, at(kind, linear(mode, n)));
                        List<String> rules = new ArrayList<>();
                        if (mode == X86PagingMode.PAE || kind.kind() == AccessKind.FETCH) {
                            rules.add("X86-PK-4");
                        } else if (userPage == 1) {
                            rules.add((keyBits & 1) != 0 ? "X86-PK-1" : "X86-PK-2");
                        } else {
                            rules.add("X86-PK-3");
                        }
                        rules.add("X86-PK-5");
                        if (kind.kind() != AccessKind.FETCH
                                && (userPage == 0) == (kind.privilege() == Privilege.USER)) {
                            rules.add("X86-PREC-3");
                        }
                        c.add(
                                String.format(
                                        "%s %s, leaf %s key %d (AD=%d WD=%d), PKE=%d PKS=%d WP=%d",
                                        kind.privilege(),
                                        kind.kind(),
                                        describe(flags[flags.length - 1]),
                                        key,
                                        keyBits & 1,
                                        keyBits >> 1,
                                        pke ? 1 : 0,
                                        pks ? 1 : 0,
                                        wp ? 1 : 0),
                                rules,
                                List.of(),
                                spec);
                    }
                }
            }
        }
    }

    private static List<PageSize> leafSizes(X86PagingMode mode) {
        return switch (mode) {
            case BITS32 -> List.of(PageSize.SIZE_4K, PageSize.SIZE_4M);
            case PAE -> List.of(PageSize.SIZE_4K, PageSize.SIZE_2M);
            default -> List.of(PageSize.SIZE_4K, PageSize.SIZE_2M, PageSize.SIZE_1G);
        };
    }

    private static void accessedDirty(Collector c, X86PagingMode mode) {
        Random random = new Random(0x5EED_0000L + mode.ordinal());
        List<Access> kinds =
                List.of(ACCESS_KINDS.get(3), ACCESS_KINDS.get(4), ACCESS_KINDS.get(1), ACCESS_KINDS.get(5));
        for (PageSize leaf : leafSizes(mode)) {
            for (int i = 0; i < 40; i++) {
                long[] flags = permissive(mode, leaf);
                for (int k = mode == X86PagingMode.PAE ? 1 : 0; k < flags.length; k++) {
                    flags[k] |= (random.nextBoolean() ? A : 0) | (random.nextBoolean() ? D : 0);
                }
                Access kind = kinds.get(i % kinds.size());
                ControlRegisters regs = ControlRegisters.forMode(mode, 0)
                        .withCr0(CR0_WP)
                        .withCr4(mode == X86PagingMode.BITS32 ? CR4_PSE : 0)
                        .withEfer(mode == X86PagingMode.BITS32 ? 0 : EFER_NXE);
                WalkSpec spec =
                        PathBuilder.build(fullCpu(46), regs, 0, 0, 0, leaf, flags, at(kind, linear(mode, c.next())));
                StringBuilder initial = new StringBuilder();
                for (long f : flags) {
                    initial.append((f & A) != 0 ? "A" : "-")
                            .append((f & D) != 0 ? "D" : "-")
                            .append(' ');
                }
                c.add(
                        String.format(
                                "%s %s through a %s leaf, A/D before: %s",
                                kind.privilege(),
                                kind.kind(),
                                leaf,
                                initial.toString().trim()),
                        List.of("X86-AD-1", "X86-AD-2", "X86-AD-5"),
                        List.of(),
                        spec);
            }
        }
    }

    private static void precedence(Collector c, X86PagingMode mode) {
        int depth = PathBuilder.depth(mode, PageSize.SIZE_4K);
        long reservedBit = mode == X86PagingMode.BITS32 ? 0 : 1L << 51;
        List<Access> kinds = List.of(ACCESS_KINDS.get(0), ACCESS_KINDS.get(4), ACCESS_KINDS.get(2));
        int first = mode == X86PagingMode.PAE ? 1 : 0;
        if (reservedBit != 0) {
            for (int i = first; i < depth; i++) {
                for (int j = first; j < depth; j++) {
                    if (i == j) {
                        continue;
                    }
                    for (Access kind : kinds) {
                        long[] flags = permissive(mode, PageSize.SIZE_4K);
                        flags[i] &= ~P;
                        flags[j] |= reservedBit;
                        ControlRegisters regs = ControlRegisters.forMode(mode, 0)
                                .withCr0(CR0_WP)
                                .withEfer(EFER_NXE);
                        WalkSpec spec = PathBuilder.build(
                                fullCpu(46), regs, 0, 0, 0, PageSize.SIZE_4K, flags, at(kind, linear(mode, c.next())));
                        c.add(
                                String.format(
                                        "%s %s: %s not present, %s with reserved bit 51",
                                        kind.privilege(),
                                        kind.kind(),
                                        mode.levels().get(i),
                                        mode.levels().get(j)),
                                List.of("X86-PREC-1"),
                                List.of(),
                                spec);
                    }
                }
            }
        }
        for (Access kind : ACCESS_KINDS) {
            PageSize leaf = mode == X86PagingMode.BITS32 ? PageSize.SIZE_4M : PageSize.SIZE_4K;
            long[] flags = permissive(mode, leaf);
            flags[flags.length - 1] = P | XD | (mode == X86PagingMode.BITS32 ? 1L << 21 : 1L << 51);
            if (mode == X86PagingMode.BITS32) {
                flags[flags.length - 1] &= 0xFFFF_FFFFL;
            }
            ControlRegisters regs = ControlRegisters.forMode(mode, 0)
                    .withCr0(CR0_WP)
                    .withCr4(mode == X86PagingMode.BITS32 ? CR4_PSE : CR4_SMAP | CR4_SMEP)
                    .withEfer(mode == X86PagingMode.BITS32 ? 0 : EFER_NXE);
            WalkSpec spec = PathBuilder.build(
                    cpuWithout(46, CpuFeature.PSE36), regs, 0, 0, 0, leaf, flags, at(kind, linear(mode, c.next())));
            c.add(
                    kind.privilege() + " " + kind.kind() + ": a read-only supervisor leaf with a reserved bit",
                    List.of("X86-PREC-2"),
                    List.of(),
                    spec);
        }
    }

    private static void canonical(Collector c, X86PagingMode mode) {
        long[] addresses = mode == X86PagingMode.LEVEL4
                ? new long[] {
                    0x0000_7FFF_FFFF_F123L,
                    0x0000_8000_0000_0000L,
                    0xFFFF_8000_0000_0456L,
                    0xFFFF_7FFF_FFFF_FFFFL,
                    1L << 63,
                    1L << 48,
                    0xFFFF_FFFF_FFFF_F789L,
                    0x0000_0000_0000_1000L,
                    0x8000_7FFF_FFFF_F000L,
                    0x7FFF_8000_0000_0000L
                }
                : new long[] {
                    0x00FF_FFFF_FFFF_F123L,
                    0x0100_0000_0000_0000L,
                    0xFF00_0000_0000_0456L,
                    0xFEFF_FFFF_FFFF_FFFFL,
                    0x0000_8000_0000_0000L,
                    0xFFFF_0000_0000_0000L,
                    1L << 63,
                    1L << 57,
                    0x7F00_0000_0000_0000L,
                    0xFFFF_FFFF_FFFF_F789L
                };
        for (long la : addresses) {
            for (Access kind : List.of(ACCESS_KINDS.get(0), ACCESS_KINDS.get(4), ACCESS_KINDS.get(2))) {
                ControlRegisters regs =
                        ControlRegisters.forMode(mode, 0).withCr0(CR0_WP).withEfer(EFER_NXE);
                WalkSpec spec = PathBuilder.build(
                        fullCpu(46), regs, 0, 0, 0, PageSize.SIZE_4K, permissive(mode, PageSize.SIZE_4K), at(kind, la));
                c.add(
                        String.format("%s %s at %#x", kind.privilege(), kind.kind(), la),
                        List.of(mode == X86PagingMode.LEVEL4 ? "X86-CANON-1" : "X86-CANON-2"),
                        List.of(),
                        spec);
            }
        }
    }

    private static void pdpteNotPresent(Collector c) {
        long[] patterns = {0, 0xFFFF_FFFF_FFFF_FFFEL, 0x1E6, 0x8000_0000_0001_0000L};
        for (long pattern : patterns) {
            for (Access kind : ACCESS_KINDS) {
                long[] flags = permissive(X86PagingMode.PAE, PageSize.SIZE_4K);
                ControlRegisters regs =
                        ControlRegisters.forMode(X86PagingMode.PAE, 0).withEfer(EFER_NXE);
                WalkSpec built = PathBuilder.build(
                        fullCpu(46),
                        regs,
                        0,
                        0,
                        0,
                        PageSize.SIZE_4K,
                        flags,
                        at(kind, linear(X86PagingMode.PAE, c.next())));
                List<WalkSpec.PathEntry> path = new ArrayList<>(built.path());
                path.set(
                        0,
                        new WalkSpec.PathEntry(
                                path.get(0).level(), path.get(0).word().withValue(pattern)));
                WalkSpec spec = new WalkSpec(
                        built.cpu(),
                        built.guestRamBytes(),
                        built.registers(),
                        0,
                        0,
                        0,
                        path,
                        built.otherMemory(),
                        built.access());
                c.add(
                        String.format("%s %s through a not-present PDPTE %#x", kind.privilege(), kind.kind(), pattern),
                        List.of("X86-PDPTE-4"),
                        List.of(),
                        spec);
            }
        }
    }

    private static void pse36(Collector c) {
        for (int m : new int[] {32, 36, 39, 40, 46, 52}) {
            for (boolean pse36 : new boolean[] {true, false}) {
                CpuModel cpu = pse36 ? fullCpu(m) : cpuWithout(m, CpuFeature.PSE36);
                for (Access kind : List.of(ACCESS_KINDS.get(0), ACCESS_KINDS.get(4))) {
                    ControlRegisters regs = ControlRegisters.forMode(X86PagingMode.BITS32, 0)
                            .withCr0(CR0_WP)
                            .withCr4(CR4_PSE);
                    WalkSpec spec = PathBuilder.build(
                            cpu,
                            regs,
                            0,
                            0,
                            0,
                            PageSize.SIZE_4M,
                            new long[] {P | RW | US},
                            at(kind, linear(X86PagingMode.BITS32, c.next())));
                    c.add(
                            String.format(
                                    "%s %s through a 4 MB page at the highest frame, MAXPHYADDR %d%s",
                                    kind.privilege(), kind.kind(), m, pse36 ? ", PSE-36" : ", no PSE-36"),
                            List.of("X86-LARGE-2"),
                            List.of(),
                            spec);
                }
            }
        }
    }
}
