package org.gmck.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.CpuFeature;
import org.gmck.spi.x86.CpuModel;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.X86Level;

/**
 * The cases of the {@code x86-fixtures/} files as differential cases: the first {@code perFile} of each file
 * (files in name order, cases in file order), so that a sample and its index are the same on every machine and
 * a fixture comparison can be sharded and merged like a random run. A case is labelled with its {@code id}
 * and file; its path is the fixture's memory words in walk order.
 */
public final class FixtureCases implements CaseSource {

    /** One fixture case: where it comes from and the case itself. */
    private record Named(String label, CaseSpec spec) {}

    private final List<Named> cases;

    private FixtureCases(List<Named> cases) {
        this.cases = List.copyOf(cases);
    }

    /** The first {@code perFile} cases of every fixture file of {@code folder} ({@code *.schema.json} left out). */
    public static FixtureCases read(Path folder, int perFile) {
        if (perFile < 1) {
            throw new IllegalArgumentException("cases per file " + perFile + ": at least one");
        }
        List<Named> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path file : s.filter(
                            p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json"))
                    .sorted()
                    .toList()) {
                List<Named> of = cases(file);
                out.addAll(of.subList(0, Math.min(perFile, of.size())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fixtures in " + folder, e);
        }
        return new FixtureCases(out);
    }

    /** How many cases the sample holds. */
    public long size() {
        return cases.size();
    }

    @Override
    public CaseSpec at(long index) {
        return cases.get(Math.toIntExact(index)).spec();
    }

    @Override
    public String label(long index) {
        return cases.get(Math.toIntExact(index)).label();
    }

    private static List<Named> cases(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        String name = file.getFileName().toString();
        List<Named> out = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            EnumSet<CpuFeature> features = EnumSet.noneOf(CpuFeature.class);
            group.get("cpu").get("features").forEach(f -> features.add(CpuFeature.valueOf(f.asText())));
            CpuModel cpu = new CpuModel(group.get("cpu").get("maxPhysAddr").asInt(), features);
            long ram = hex(group.get("guestRamBytes"));
            JsonNode r = group.get("registers");
            ControlRegisters regs =
                    new ControlRegisters(hex(r.get("cr0")), hex(r.get("cr3")), hex(r.get("cr4")), hex(r.get("efer")));
            List<X86Level> levels = regs.pagingMode().levels();
            for (JsonNode t : group.get("tests")) {
                SortedMap<Long, Long> words = new TreeMap<>();
                List<PathEntry> path = new ArrayList<>();
                JsonNode memory = t.get("memory");
                for (int i = 0; i < memory.size(); i++) {
                    String w = memory.get(i).asText();
                    int width = Integer.parseInt(w.substring(0, w.indexOf('@')));
                    long address = Long.parseUnsignedLong(w.substring(w.indexOf('@') + 3, w.indexOf('=')), 16);
                    long value = Long.parseUnsignedLong(w.substring(w.indexOf('=') + 3), 16);
                    long word = words.getOrDefault(address & ~7L, 0L);
                    if (width == 8) {
                        words.put(address, value);
                    } else {
                        int shift = (int) (address & 4) * 8;
                        words.put(address & ~7L, word & ~(0xFFFF_FFFFL << shift) | (value & 0xFFFF_FFFFL) << shift);
                    }
                    if (i < levels.size()) {
                        path.add(new PathEntry(address, width, levels.get(i), i == memory.size() - 1));
                    }
                }
                JsonNode a = t.get("access");
                Access access = a == null || a.isNull()
                        ? new Access(0, AccessKind.READ, Privilege.SUPERVISOR)
                        : new Access(
                                hex(a.get("address")),
                                AccessKind.valueOf(a.get("kind").asText()),
                                Privilege.valueOf(a.get("privilege").asText()));
                CaseSpec spec = new CaseSpec(
                        cpu,
                        ram,
                        regs,
                        hex(r.get("rflags")),
                        (int) hex(r.get("pkru")),
                        (int) hex(r.get("pkrs")),
                        words,
                        access,
                        path);
                out.add(new Named("fixture " + t.get("id").asText() + " (" + name + ")", spec));
            }
        }
        return out;
    }

    private static long hex(JsonNode n) {
        String s = n.asText();
        return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
    }
}
