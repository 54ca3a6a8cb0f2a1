package org.gmck.selftest.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gmck.selftest.hostile.PgmModesOnly;
import org.gmck.spi.pgm.PagingModes;

/**
 * A JVM adapter that breaks in its first call into its profile in a run (marked by the file {@link #marker()},
 * relative to the working folder), as a crashing native binding might, and then behaves: certified with
 * {@code --isolate}, it costs the run one check, not the run.
 */
abstract class BreaksOnceAdapter extends PgmModesOnly {

    /** Where the mark of adapter {@code name} is kept. */
    static Path marker(String name) {
        return Path.of("target/runs/protocol/" + name + ".marker");
    }

    /** Breaks: does not return normally. */
    abstract void breakNow();

    @Override
    public PagingModes pagingModes() {
        Path marker = marker(name());
        if (!Files.exists(marker)) {
            try {
                Files.writeString(marker, "broke");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            breakNow();
        }
        return super.pagingModes();
    }
}
