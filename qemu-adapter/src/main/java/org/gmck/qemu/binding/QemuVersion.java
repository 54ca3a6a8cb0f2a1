package org.gmck.qemu.binding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.gmck.qemu.process.QemuInstallation;

/** The installed QEMU's version line, asked once. */
final class QemuVersion {

    private static volatile String cached;

    private QemuVersion() {}

    static String describe() {
        if (cached == null) {
            cached = ask();
        }
        return cached;
    }

    private static String ask() {
        var binary = QemuInstallation.find();
        if (binary.isEmpty()) {
            return "not installed (" + QemuInstallation.HINT + ")";
        }
        try {
            Process p = new ProcessBuilder(binary.get().toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown (--version hung)";
            }
            return out.lines().findFirst().orElse("unknown").replace("QEMU emulator version ", "");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
