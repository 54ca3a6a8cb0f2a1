package org.gmck.bochs.binding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.gmck.bochs.process.BochsInstallation;

/** The installed Bochs's version line, asked once. */
final class BochsVersion {

    private static volatile String cached;

    private BochsVersion() {}

    static String describe() {
        if (cached == null) {
            cached = ask();
        }
        return cached;
    }

    private static String ask() {
        var binary = BochsInstallation.find();
        if (binary.isEmpty()) {
            return "not installed (" + BochsInstallation.HINT + ")";
        }
        try {
            Process p = new ProcessBuilder(binary.get().toString(), "--help")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown (--help hung)";
            }
            return out.lines()
                    .map(String::strip)
                    .filter(l -> l.startsWith("Bochs x86 Emulator"))
                    .findFirst()
                    .map(l -> l.replace("Bochs x86 Emulator ", ""))
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
