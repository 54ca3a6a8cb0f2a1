package org.gmck.qemu.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gmck.engine.AccessKind;
import org.gmck.engine.MachineFailureException;
import org.gmck.engine.MachineQuery;
import org.gmck.engine.PagingMode;
import org.gmck.qemu.process.QemuInstallation;
import org.gmck.qemu.process.QemuNotInstalledException;
import org.gmck.qemu.process.QemuProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A QEMU that is missing, exits at once, answers garbage or never answers: each query fails with a message
 * that says so, and no process is left behind. Fake binaries are shell scripts; no real QEMU is needed.
 */
class BadQemuTest {

    @TempDir
    Path dir;

    private final String configured = System.getProperty(QemuInstallation.PROPERTY);

    @AfterEach
    void restore() {
        if (configured == null) {
            System.clearProperty(QemuInstallation.PROPERTY);
        } else {
            System.setProperty(QemuInstallation.PROPERTY, configured);
        }
    }

    private void fake(String body) throws IOException {
        Path script = dir.resolve("qemu-system-x86_64");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        System.setProperty(QemuInstallation.PROPERTY, script.toString());
    }

    private static MachineQuery query() {
        SortedMap<Long, Long> memory = new TreeMap<>();
        memory.put(0x10000L, 0x11007L);
        return new MachineQuery(
                PagingMode.LEVEL4,
                0x10000L,
                true,
                false,
                true,
                false,
                false,
                false,
                0,
                false,
                0,
                false,
                0,
                AccessKind.READ,
                0x1000L,
                memory);
    }

    private MachineFailureException failure(Duration timeout) {
        int before = QemuProcess.openCount();
        try (QemuMachine m = new QemuMachine("max", 16L << 20, timeout)) {
            MachineFailureException e = assertThrows(MachineFailureException.class, () -> m.access(query(), false));
            assertEquals(before, QemuProcess.openCount(), "the failed QEMU process must be gone");
            return e;
        }
    }

    @Test
    void aMissingBinaryIsNamedWithTheWayToInstallIt() {
        System.setProperty(QemuInstallation.PROPERTY, dir.resolve("nowhere").toString());
        QemuNotInstalledException e = assertThrows(
                QemuNotInstalledException.class,
                () -> new QemuMachine("max", 16L << 20, Duration.ofSeconds(1)).access(query(), false));
        assertTrue(
                e.getMessage().contains("not installed") && e.getMessage().contains("apt-get install qemu-system-x86"),
                e.getMessage());
    }

    @Test
    void aQemuThatExitsAtOnceFailsTheQueryWithItsStatusAndStderr() throws IOException {
        fake("echo 'qemu: could not load PC BIOS' >&2; exit 3");
        MachineFailureException e = failure(Duration.ofSeconds(5));
        assertTrue(
                e.getMessage().contains("closed the connection")
                        || e.getMessage().contains("cannot write"),
                e.getMessage());
    }

    @Test
    void garbageOnTheGdbPipeFailsTheQuery() throws IOException {
        fake("printf 'hello, this is not the remote protocol'; exec sleep 30");
        MachineFailureException e = failure(Duration.ofSeconds(5));
        assertTrue(e.getMessage().contains("garbage"), e.getMessage());
    }

    @Test
    void aQemuThatNeverAnswersTimesOut() throws IOException {
        fake("exec sleep 30");
        MachineFailureException e = failure(Duration.ofMillis(500));
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
    }
}
