package org.gmck.selftest.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gmck.selftest.hostile.PgmModesOnly;
import org.gmck.spi.pgm.PagingModes;

/**
 * A JVM adapter that calls {@code System.exit} from its first call into its profile in a run (marked by the
 * file {@value #MARKER}, relative to the working folder), as a crashing native binding might: certified with
 * {@code --isolate}, it costs the run one check, not the run.
 */
public final class ExitsOnceAdapter extends PgmModesOnly {

    public static final String MARKER = "target/runs/protocol/exits-once.marker";

    @Override
    public String name() {
        return "exits-once";
    }

    @Override
    public PagingModes pagingModes() {
        Path marker = Path.of(MARKER);
        if (!Files.exists(marker)) {
            try {
                Files.writeString(marker, "exited");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.err.println("exits-once: calling System.exit(3)");
            System.exit(3);
        }
        return super.pagingModes();
    }
}
