package org.gmck.bochs.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where Bochs is: the {@code bochs.binary} system property or the {@code BOCHS_BINARY} environment variable
 * if set, otherwise {@code bochs-bin} on {@code PATH}; and the BIOS images it boots (Debian's {@code bochsbios}
 * and {@code vgabios} packages).
 */
public final class BochsInstallation {

    /** System property naming the Bochs binary. */
    public static final String PROPERTY = "bochs.binary";
    /** The binary looked up on PATH (Debian's build with the internal debugger). */
    public static final String BINARY = "bochs-bin";
    /** The system BIOS image. */
    public static final Path BIOS = Path.of("/usr/share/bochs/BIOS-bochs-latest");
    /** The VGA BIOS image (Bochs stops without one). */
    public static final Path VGA_BIOS = Path.of("/usr/share/bochs/VGABIOS-lgpl-latest");
    /** How to install it on Debian and Ubuntu, quoted in messages. */
    public static final String HINT = "install it with 'apt-get install bochs bochsbios vgabios' (Debian, Ubuntu) "
            + "or name the binary with -D" + PROPERTY + "=PATH";

    private BochsInstallation() {}

    /** The binary, if it and both BIOS images are installed. */
    public static Optional<Path> find() {
        if (!Files.isReadable(BIOS) || !Files.isReadable(VGA_BIOS)) {
            return Optional.empty();
        }
        String configured = System.getProperty(PROPERTY, System.getenv("BOCHS_BINARY"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured.trim());
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : List.of(path.split(File.pathSeparator))) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, BINARY))) {
                return Optional.of(Path.of(dir, BINARY));
            }
        }
        return Optional.empty();
    }

    /** The binary, or a {@link BochsNotInstalledException} that says how to get it. */
    public static Path require() {
        return find().orElseThrow(() -> new BochsNotInstalledException(
                BINARY + " (with " + BIOS + " and " + VGA_BIOS + ") is not installed: " + HINT + "."));
    }

    /** A one-line reason why Bochs is unavailable, or empty when it is installed. */
    public static Optional<String> unavailableReason() {
        return find().isPresent() ? Optional.empty() : Optional.of(BINARY + " is not installed: " + HINT);
    }
}
