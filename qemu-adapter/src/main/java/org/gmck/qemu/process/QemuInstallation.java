package org.gmck.qemu.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code qemu-system-x86_64} is: the {@code qemu.binary} system property or the {@code QEMU_BINARY}
 * environment variable if set, otherwise the first match on {@code PATH}.
 */
public final class QemuInstallation {

    /** System property naming the QEMU binary. */
    public static final String PROPERTY = "qemu.binary";
    /** The binary looked up on PATH. */
    public static final String BINARY = "qemu-system-x86_64";
    /** How to install it on Debian and Ubuntu, quoted in messages. */
    public static final String HINT = "install it with 'apt-get install qemu-system-x86' (Debian, Ubuntu) "
            + "or name the binary with -D" + PROPERTY + "=PATH";

    private QemuInstallation() {}

    /** The binary, if one is installed. */
    public static Optional<Path> find() {
        String configured = System.getProperty(PROPERTY, System.getenv("QEMU_BINARY"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured.trim());
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, BINARY);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The binary, or a {@link QemuNotInstalledException} that says how to get it. */
    public static Path require() {
        return find().orElseThrow(() -> new QemuNotInstalledException(BINARY + " is not installed"
                + (System.getProperty(PROPERTY) != null
                        ? " at '" + System.getProperty(PROPERTY) + "'"
                        : " (not on PATH)")
                + ": " + HINT + "."));
    }

    /** A one-line reason why QEMU is unavailable, or empty when it is installed. */
    public static Optional<String> unavailableReason() {
        return find().isPresent() ? Optional.empty() : Optional.of(BINARY + " is not installed: " + HINT);
    }
}
