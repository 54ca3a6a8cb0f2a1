package org.gmck.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The merge step of a sharded run as a Maven command: {@code mvn -B verify -pl differential -am
 * -Dtest=MergeDirectoryTest -Dsurefire.failIfNoSpecifiedTests=false -Ddifferential.merge=DIR} merges the
 * shard reports under DIR into DIR/merged and fails when the merged run has unexplained cases. Skipped
 * without the property.
 */
class MergeDirectoryTest {

    @Test
    void mergesTheShardReportsOfTheDirectory() throws Exception {
        String dir = System.getProperty("differential.merge", "").strip();
        Assumptions.assumeFalse(dir.isEmpty(), "Skipped: set -Ddifferential.merge=DIR");
        Path in = Path.of(dir).toAbsolutePath();
        RunReport merged = MergeReports.merge(in, in.resolve("merged"));
        System.out.println(merged.markdown());
        assertEquals(0, merged.unexplained(), () -> "unexplained cases; see " + in.resolve("merged/report.md"));
    }
}
