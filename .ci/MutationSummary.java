import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PIT's {@code mutations.xml} and writes {@code summary.md} beside it: the mutation score of the
 * whole reference and of each package, and every mutant the certification run let live, each with the rule
 * area its code implements and, when {@code equivalent-mutants.tsv} (beside the summary) explains it as
 * equivalent to the original, why. A mutant counts as detected only when a check failed on it or it ran past
 * its time (PIT's KILLED and TIMED_OUT); one whose test process ended abnormally (RUN_ERROR, MEMORY_ERROR)
 * was not judged and counts against the score. An explained equivalent mutant is left out of the score, since
 * no implementation could be told from it. Exits 1 when a package scores below the floor given as the third
 * argument or the whole below the fourth (percentages), so one weak package cannot hide behind a strong total.
 *
 * <pre>java .ci/MutationSummary.java mutation-reports/mutations.xml mutation-reports/summary.md 90 95</pre>
 */
public final class MutationSummary {

    private static final Pattern MUTATION = Pattern.compile("<mutation (.*?)</mutation>", Pattern.DOTALL);
    private static final Pattern STATUS = Pattern.compile("status='([A-Z_]+)'");
    private static final Pattern CLASS = Pattern.compile("<mutatedClass>([^<]*)</mutatedClass>");
    private static final Pattern METHOD = Pattern.compile("<mutatedMethod>([^<]*)</mutatedMethod>");
    private static final Pattern LINE = Pattern.compile("<lineNumber>(\\d+)</lineNumber>");
    private static final Pattern DESCRIPTION = Pattern.compile("<description>([^<]*)</description>");

    /** A check failed on the mutant, or it ran past its time (PIT stops a mutant that loops). */
    private static boolean detected(String status) {
        return status.equals("KILLED") || status.equals("TIMED_OUT");
    }

    /** Why a mutant that was not detected lived, when no equivalence explains it. */
    private static String undetected(String status) {
        return switch (status) {
            case "NO_COVERAGE" -> "no check reaches it";
            case "RUN_ERROR", "MEMORY_ERROR" -> "not judged: its test process ended abnormally (" + status + ")";
            default -> "survived";
        };
    }

    private static final class Score {
        int detected;
        /** The mutants that count: every one but the explained equivalents. */
        int total;
        int equivalent;

        double percent() {
            return total == 0 ? 100 : 100.0 * detected / total;
        }
    }

    /** The rule area each package of the reference implements. */
    private static final Map<String, String> AREAS = Map.of(
            "org.gmck.reference.x86", "x86 paging (X86-*)",
            "org.gmck.reference.gmm", "GMM (GMM-*)",
            "org.gmck.reference.pgm", "PGM paging modes (PGM-MODE, PGM-GMODE, PGM-PAE, PGM-CR3)",
            "org.gmck.reference.pgm.phys", "PGM guest memory (PGM-PHYS, PGM-COST, PGM-REC)",
            "org.gmck.reference.pgm.shadow", "PGM shadow paging and contexts (PGM-SHW, PGM-CTX)",
            "org.gmck.reference.pgm.handler", "PGM access handlers (PGM-HND, PGM-VHND)",
            "org.gmck.reference.pgm.vm", "PGM VM facets (PGM-PHYS, PGM-SHW, PGM-CTX)",
            "org.gmck.reference.monitor", "FreeMWare monitor (MON-*)",
            "org.gmck.reference.largepage", "KVM large pages (LP-*)");

    /** A survivor explained as equivalent: a class, a method and a mutation description, and why. */
    private record Equivalent(String clazz, String method, String mutation, String reason) {
        boolean matches(String c, String m, String d) {
            return c.endsWith("." + clazz) && m.equals(method) && d.contains(mutation);
        }
    }

    private static List<Equivalent> equivalents(Path file) throws IOException {
        List<Equivalent> list = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return list;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length != 4) {
                throw new IllegalArgumentException(file + ": '" + line + "' needs four tab-separated cells: class, method, "
                        + "mutation, reason");
            }
            list.add(new Equivalent(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip()));
        }
        return list;
    }

    public static void main(String[] args) throws IOException {
        String xml = Files.readString(Path.of(args[0]));
        Path equivalentsFile = Path.of(args[1]).resolveSibling("equivalent-mutants.tsv");
        List<Equivalent> equivalents = equivalents(equivalentsFile);
        List<Equivalent> used = new ArrayList<>();
        double floor = Double.parseDouble(args[2]);
        double overallFloor = args.length > 3 ? Double.parseDouble(args[3]) : 0;
        Map<String, Score> packages = new TreeMap<>();
        Score all = new Score();
        List<String> live = new ArrayList<>();
        Matcher m = MUTATION.matcher(xml);
        while (m.find()) {
            String body = m.group(1);
            String status = find(STATUS, body);
            String clazz = find(CLASS, body);
            Score score = packages.computeIfAbsent(clazz.substring(0, clazz.lastIndexOf('.')), p -> new Score());
            if (detected(status)) {
                score.total++;
                all.total++;
                score.detected++;
                all.detected++;
            } else {
                String method = find(METHOD, body);
                String description = find(DESCRIPTION, body);
                String area = AREAS.getOrDefault(clazz.substring(0, clazz.lastIndexOf('.')), "?");
                Equivalent equivalent = equivalents.stream().filter(e -> e.matches(clazz, method, description))
                        .findFirst().orElse(null);
                String why;
                if (equivalent != null) {
                    used.add(equivalent);
                    score.equivalent++;
                    all.equivalent++;
                    why = "equivalent: " + equivalent.reason();
                } else {
                    score.total++;
                    all.total++;
                    why = undetected(status);
                }
                live.add(String.format(Locale.ROOT, "| %s | `%s` | %s | %s | %s | %s |", area,
                        clazz.substring(clazz.lastIndexOf('.') + 1), method.replace("<", "\\<").replace(">", "\\>"),
                        find(LINE, body), description, why.replace("|", "\\|")));
            }
        }
        if (all.total == 0) {
            System.err.println("no mutants in " + args[0] + ": PIT did not run");
            System.exit(1);
        }
        StringBuilder md = new StringBuilder("# Mutation score of the reference implementation\n\n");
        md.append("Written by `java .ci/MutationSummary.java` from PIT's `mutations.xml` after `mvn -B verify -Pmutation -pl kit -am`.\n");
        md.append(String.format(Locale.ROOT, "Each package must reach %.0f%% and the whole %.0f%%. A mutant counts as detected "
                + "when a check failed on it or it ran past its time; the mutants explained as equivalent in "
                + "`equivalent-mutants.tsv` are left out of the score.%n%n", floor, overallFloor));
        md.append("| Package | Detected | Mutants | Equivalent | Score |\n| --- | ---: | ---: | ---: | ---: |\n");
        List<String> weak = new ArrayList<>();
        packages.forEach((name, score) -> {
            md.append(String.format(Locale.ROOT, "| `%s` | %d | %d | %d | %.1f%% |%n", name, score.detected, score.total,
                    score.equivalent, score.percent()));
            if (score.percent() < floor) {
                weak.add(String.format(Locale.ROOT, "%s at %.1f%%", name, score.percent()));
            }
        });
        md.append(String.format(Locale.ROOT, "| **all** | %d | %d | %d | **%.1f%%** |%n%n", all.detected, all.total,
                all.equivalent, all.percent()));
        if (all.percent() < overallFloor) {
            weak.add(String.format(Locale.ROOT, "the whole reference at %.1f%%", all.percent()));
        }
        md.append("## Mutants the certification run does not detect\n\n");
        md.append("Each is a change to the reference that no scenario, fixture case or model-based run notices: a rule "
                + "with a missing variant or model comparison, code no rule can observe, or a mutant equivalent to the "
                + "original (then `equivalent-mutants.tsv` says why).\n\n");
        md.append("| Rule area | Class | Method | Line | Mutation | Why |\n| --- | --- | --- | ---: | --- | --- |\n");
        live.forEach(row -> md.append(row).append('\n'));
        Files.writeString(Path.of(args[1]), md.toString());
        equivalents.stream().filter(e -> !used.contains(e)).forEach(e -> System.err.println("warning: "
                + equivalentsFile + " explains a mutant that no longer lives: " + e.clazz() + "." + e.method() + " "
                + e.mutation()));
        System.out.printf(Locale.ROOT, "mutation score %.1f%% (%d of %d); by package:%n", all.percent(), all.detected, all.total);
        packages.forEach((name, score) -> System.out.printf(Locale.ROOT, "  %-36s %5.1f%% (%d of %d)%n", name,
                score.percent(), score.detected, score.total));
        if (!weak.isEmpty()) {
            System.err.println("below the floor (" + floor + "% a package, " + overallFloor + "% the whole): "
                    + String.join(", ", weak));
            System.exit(1);
        }
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : "";
    }
}
