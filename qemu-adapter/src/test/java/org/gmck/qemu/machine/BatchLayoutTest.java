package org.gmck.qemu.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The offsets the host uses in the batch loop's code page (batch.bin) point at the instructions they name,
 * and batch.bin is what batch.S assembles to (when binutils are installed).
 */
class BatchLayoutTest {

    private static final byte[] CODE = BatchLayout.code();

    private static int u(int offset) {
        return CODE[offset] & 0xFF;
    }

    @Test
    void entryPointsAreTheInstructionsTheyName() {
        // the 64-bit loop starts with cmpq $0, D_COUNT(%r15): REX.WB 83 /7
        assertEquals(0x49, u(BatchLayout.LOOP64));
        assertEquals(0x83, u(BatchLayout.LOOP64 + 1));
        // iretq, then hlt at the end (where the host's breakpoint is)
        assertEquals(0x48, u(BatchLayout.IRET64));
        assertEquals(0xCF, u(BatchLayout.IRET64 + 1));
        assertEquals(0xF4, u(BatchLayout.DONE64));
        // the 32-bit loop starts with cmpl $0, moffs: 83 3D
        assertEquals(0x83, u(BatchLayout.LOOP32));
        assertEquals(0x3D, u(BatchLayout.LOOP32 + 1));
        assertEquals(0xCF, u(BatchLayout.IRET32));
        assertEquals(0xF4, u(BatchLayout.DONE32));
    }

    @Test
    void eachHandlerStubPushesItsVectorAfterAZeroWhereTheCpuPushesNoErrorCode() {
        for (int v = 0; v < 32; v++) {
            for (int base : new int[] {BatchLayout.VECTORS64, BatchLayout.VECTORS32}) {
                int at = base + BatchLayout.VECTOR_STRIDE * v;
                if (!Harness.pushesErrorCode(v)) {
                    assertEquals(0x6A, u(at), "push $0 of vector " + v);
                    assertEquals(0x00, u(at + 1));
                    at += 2;
                }
                assertEquals(0x6A, u(at), "push of vector " + v);
                assertEquals(v, u(at + 1));
            }
        }
    }

    @Test
    void theCheckedInBinaryIsWhatTheSourceAssemblesTo() throws Exception {
        Path source = Path.of("src", "main", "asm", "batch.S");
        Optional<Path> as = Optional.of(Path.of("/usr/bin/as")).filter(Files::isExecutable);
        Optional<Path> objcopy = Optional.of(Path.of("/usr/bin/objcopy")).filter(Files::isExecutable);
        Assumptions.assumeTrue(Files.exists(source) && as.isPresent() && objcopy.isPresent(), "binutils not found");
        Path dir = Files.createTempDirectory("batch-asm");
        Path obj = dir.resolve("batch.o");
        Path bin = dir.resolve("batch.bin");
        run(as.get().toString(), "--64", "-o", obj.toString(), source.toString());
        run(objcopy.get().toString(), "-O", "binary", "-j", ".text", obj.toString(), bin.toString());
        byte[] built = Files.readAllBytes(bin);
        assertArrayEquals(
                CODE,
                Arrays.copyOf(built, CODE.length),
                "batch.bin is stale: re-assemble it with the command in batch.S");
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }
}
