package org.gmck.kit.x86model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gmck.kit.x86walk.MemoryWord;
import org.gmck.kit.x86walk.WalkSpec;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.EntryUse;
import org.gmck.spi.x86.GeneralProtection;
import org.gmck.spi.x86.GpReason;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.PageSize;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Rights;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Level;

/**
 * The JSON form of the fixtures (described in {@code x86-fixtures/README.md} and
 * {@code x86-fixtures/x86-fixtures.schema.json}): a header, then test groups that share a CPU and
 * registers, one test per line.
 */
public final class FixtureJson {

    /** The format version; bump the major number on an incompatible change. */
    public static final String VERSION = "1.2.0";

    public static final String SCHEMA = "x86-fixtures.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> NOTES = Map.of(
            "NxeOff", "EFER.NXE is clear, so bit 63 (XD) is a reserved bit in every PAE and IA-32e entry",
            "AboveMaxPhysAddr", "the bit set lies at or above MAXPHYADDR, inside the entry's address field");

    private FixtureJson() {}

    /** The text of one fixture file. */
    public static String write(FixtureFile file) {
        Map<String, List<FixtureCase>> groups = new LinkedHashMap<>();
        Map<String, ObjectNode> headers = new LinkedHashMap<>();
        for (FixtureCase c : file.cases()) {
            ObjectNode header = groupHeader(c.spec());
            String key = header.toString();
            headers.putIfAbsent(key, header);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        StringBuilder out = new StringBuilder();
        out.append("{\n");
        field(out, "suite", "x86-paging");
        field(out, "schema", SCHEMA);
        field(out, "version", VERSION);
        field(out, "generator", X86FixtureGenerator.class.getName());
        field(out, "name", file.name());
        field(out, "description", file.description());
        out.append("  \"numberOfTests\": ").append(file.cases().size()).append(",\n");
        ObjectNode notes = MAPPER.createObjectNode();
        NOTES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> notes.put(e.getKey(), e.getValue()));
        out.append("  \"notes\": ").append(notes).append(",\n");
        out.append("  \"testGroups\": [");
        boolean firstGroup = true;
        for (Map.Entry<String, List<FixtureCase>> g : groups.entrySet()) {
            out.append(firstGroup ? "\n" : ",\n");
            firstGroup = false;
            ObjectNode header = headers.get(g.getKey());
            out.append("    {\n");
            header.properties()
                    .forEach(e -> out.append("      ")
                            .append(MAPPER.valueToTree(e.getKey()).toString())
                            .append(": ")
                            .append(e.getValue())
                            .append(",\n"));
            out.append("      \"tests\": [\n");
            List<FixtureCase> cases = g.getValue();
            for (int i = 0; i < cases.size(); i++) {
                out.append("        ").append(test(cases.get(i))).append(i + 1 < cases.size() ? ",\n" : "\n");
            }
            out.append("      ]\n    }");
        }
        out.append("\n  ]\n}\n");
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  \"")
                .append(name)
                .append("\": ")
                .append(MAPPER.valueToTree(value).toString())
                .append(",\n");
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    private static long unhex(JsonNode node) {
        return Long.parseUnsignedLong(node.asText().substring(2), 16);
    }

    private static ObjectNode groupHeader(WalkSpec spec) {
        ObjectNode header = MAPPER.createObjectNode();
        ObjectNode cpu = header.putObject("cpu");
        cpu.put("maxPhysAddr", spec.cpu().maxPhysAddr());
        ArrayNode features = cpu.putArray("features");
        EnumSet<CpuFeature> present = EnumSet.noneOf(CpuFeature.class);
        present.addAll(spec.cpu().features());
        present.forEach(f -> features.add(f.name()));
        header.put("guestRamBytes", hex(spec.guestRamBytes()));
        ObjectNode regs = header.putObject("registers");
        regs.put("cr0", hex(spec.registers().cr0()));
        regs.put("cr3", hex(spec.registers().cr3()));
        regs.put("cr4", hex(spec.registers().cr4()));
        regs.put("efer", hex(spec.registers().efer()));
        regs.put("rflags", hex(spec.rflags()));
        regs.put("pkru", hex(Integer.toUnsignedLong(spec.pkru())));
        regs.put("pkrs", hex(Integer.toUnsignedLong(spec.pkrs())));
        return header;
    }

    private static String test(FixtureCase c) {
        ObjectNode t = MAPPER.createObjectNode();
        t.put("id", c.id());
        t.put("comment", c.comment());
        c.rules().forEach(t.putArray("rules")::add);
        c.expected().decidedBy().forEach(t.putArray("decidedBy")::add);
        c.flags().forEach(t.putArray("flags")::add);
        ArrayNode memory = t.putArray("memory");
        c.spec().memory().forEach(w -> memory.add(w.text()));
        ObjectNode access = t.putObject("access");
        access.put("address", hex(c.spec().access().linearAddress()));
        access.put("kind", c.spec().access().kind().name());
        access.put("privilege", c.spec().access().privilege().name());
        ObjectNode expected = t.putObject("expected");
        AccessOutcome outcome = c.expected().outcome();
        if (outcome instanceof Translated tr) {
            expected.put("result", "translated");
            expected.put("physicalAddress", hex(tr.physicalAddress()));
            expected.put("pageSize", tr.pageSize().name());
            ObjectNode rights = expected.putObject("rights");
            rights.put("writable", tr.rights().writable());
            rights.put("user", tr.rights().user());
            rights.put("executable", tr.rights().executable());
            rights.put("protectionKey", tr.rights().protectionKey());
            ArrayNode entries = expected.putArray("entries");
            tr.entries().forEach(e -> entries.add(e.level().name() + "@" + hex(e.address()) + "=" + hex(e.value())));
        } else if (outcome instanceof PageFault pf) {
            expected.put("result", "pageFault");
            expected.put("errorCode", hex(pf.errorCode()));
            expected.put("cr2", hex(pf.cr2()));
        } else if (outcome instanceof GeneralProtection gp) {
            expected.put("result", "generalProtection");
            expected.put("reason", gp.reason().name());
            expected.put("at", c.expected().atLoad() ? "load" : "access");
        }
        ArrayNode after = t.putArray("changedMemory");
        List<MemoryWord> before = c.spec().memory();
        c.expected().memoryAfter().stream().filter(w -> !before.contains(w)).forEach(w -> after.add(w.text()));
        if (!c.expected().accessedMayBeSet().isEmpty()) {
            ArrayNode mayBeSet = t.putArray("accessedMayBeSet");
            c.expected().accessedMayBeSet().forEach(a -> mayBeSet.add(hex(a)));
        }
        return t.toString();
    }

    /** Reads the cases of one fixture file. */
    public static List<ReplayCase> read(String json) {
        return read("fixture", json);
    }

    /**
     * Reads the cases of one fixture file; a file that cannot be read fails with one message naming the file
     * and the line and column (malformed JSON) or the case (a value the kit cannot use).
     */
    public static List<ReplayCase> read(String file, String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(
                    file + (at == null ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr())
                            + ": not valid JSON: " + e.getOriginalMessage());
        }
        try {
            return cases(root);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<ReplayCase> cases(JsonNode root) {
        if (!root.path("version").asText().startsWith("1.")) {
            throw new IllegalArgumentException("unsupported fixture version " + root.path("version"));
        }
        List<ReplayCase> cases = new ArrayList<>();
        for (JsonNode group : root.path("testGroups")) {
            EnumSet<CpuFeature> features = EnumSet.noneOf(CpuFeature.class);
            group.path("cpu").path("features").forEach(f -> features.add(CpuFeature.valueOf(f.asText())));
            CpuModel cpu = new CpuModel(group.path("cpu").path("maxPhysAddr").asInt(), features);
            JsonNode r = group.path("registers");
            ControlRegisters regs = new ControlRegisters(
                    unhex(r.path("cr0")), unhex(r.path("cr3")), unhex(r.path("cr4")), unhex(r.path("efer")));
            for (JsonNode t : group.path("tests")) {
                try {
                    cases.add(replayCase(
                            t,
                            cpu,
                            unhex(group.path("guestRamBytes")),
                            regs,
                            unhex(r.path("rflags")),
                            (int) unhex(r.path("pkru")),
                            (int) unhex(r.path("pkrs"))));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("case " + t.path("id").asText("?") + ": " + e.getMessage(), e);
                }
            }
        }
        return cases;
    }

    private static ReplayCase replayCase(
            JsonNode t, CpuModel cpu, long ram, ControlRegisters regs, long rflags, int pkru, int pkrs) {
        List<String> rules = new ArrayList<>();
        t.path("rules").forEach(n -> rules.add(n.asText()));
        List<MemoryWord> memory = words(t.path("memory"));
        JsonNode a = t.path("access");
        Access access = new Access(
                unhex(a.path("address")),
                AccessKind.valueOf(a.path("kind").asText()),
                Privilege.valueOf(a.path("privilege").asText()));
        JsonNode e = t.path("expected");
        AccessOutcome expected = switch (e.path("result").asText()) {
            case "translated" -> {
                List<EntryUse> entries = new ArrayList<>();
                for (JsonNode n : e.path("entries")) {
                    String s = n.asText();
                    int at = s.indexOf('@');
                    int eq = s.indexOf('=');
                    entries.add(new EntryUse(
                            X86Level.valueOf(s.substring(0, at)),
                            Long.parseUnsignedLong(s.substring(at + 3, eq), 16),
                            Long.parseUnsignedLong(s.substring(eq + 3), 16)));
                }
                JsonNode rt = e.path("rights");
                yield new Translated(
                        unhex(e.path("physicalAddress")),
                        PageSize.valueOf(e.path("pageSize").asText()),
                        new Rights(
                                rt.path("writable").asBoolean(),
                                rt.path("user").asBoolean(),
                                rt.path("executable").asBoolean(),
                                rt.path("protectionKey").asInt()),
                        entries);
            }
            case "pageFault" -> new PageFault((int) unhex(e.path("errorCode")), unhex(e.path("cr2")));
            case "generalProtection" ->
                new GeneralProtection(GpReason.valueOf(e.path("reason").asText()));
            default ->
                throw new IllegalArgumentException("case " + t.path("id") + ": unknown result " + e.path("result"));
        };
        return new ReplayCase(
                t.path("id").asText(),
                t.path("comment").asText(),
                rules,
                cpu,
                ram,
                regs,
                rflags,
                pkru,
                pkrs,
                memory,
                access,
                expected,
                "load".equals(e.path("at").asText()),
                after(memory, words(t.path("changedMemory"))),
                addresses(t.path("accessedMayBeSet")),
                texts(t.path("decidedBy")));
    }

    /** The strings of an optional array (absent in files before version 1.2: empty). */
    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    /** The addresses of an optional array of hex strings (absent in version 1.0 files: empty). */
    private static List<Long> addresses(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(unhex(n)));
        return List.copyOf(out);
    }

    /** Memory after the access: every word as before, except the changed ones. */
    private static List<MemoryWord> after(List<MemoryWord> before, List<MemoryWord> changed) {
        Map<Long, MemoryWord> words = new LinkedHashMap<>();
        before.forEach(w -> words.put(w.address(), w));
        changed.forEach(w -> words.put(w.address(), w));
        return List.copyOf(words.values());
    }

    private static List<MemoryWord> words(JsonNode array) {
        List<MemoryWord> words = new ArrayList<>();
        array.forEach(n -> words.add(MemoryWord.parse(n.asText())));
        return words;
    }
}
