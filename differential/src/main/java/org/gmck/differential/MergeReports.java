package org.gmck.differential;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Merges the reports of a sharded differential run into one: {@code MergeReports DIR [OUT]} reads every
 * {@code report.json} under {@code DIR} (one per shard, in any sub-folders) and writes the merged {@code
 * report.json} and {@code report.md} into {@code OUT} (default {@code DIR/merged}). Exits with 1 when the
 * merged run has unexplained cases.
 */
public final class MergeReports {

    private MergeReports() {}

    /** Merges {@code dir}'s shard reports into {@code out}, returning the merged report. */
    public static RunReport merge(Path dir, Path out) throws IOException {
        RunReport merged = RunReport.mergeDirectory(dir, out);
        merged.write(out);
        return merged;
    }

    /** The command line: {@code DIR [OUT]}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: MergeReports DIR [OUT]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        RunReport merged = merge(dir, args.length > 1 ? Path.of(args[1]) : dir.resolve("merged"));
        System.out.println(merged.markdown());
        System.exit(merged.unexplained() == 0 ? 0 : 1);
    }
}
