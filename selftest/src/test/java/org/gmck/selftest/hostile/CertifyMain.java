package org.gmck.selftest.hostile;

import java.nio.file.Path;
import org.gmck.kit.certify.Certification;

/** Certifies the adapter {@code -Dconformance.adapter} names into the folder given, in a JVM of its own. */
public final class CertifyMain {

    private CertifyMain() {}

    public static void main(String[] args) {
        boolean accepted = Certification.into(Path.of(args[0])).run().report().accepted();
        System.exit(accepted ? 0 : 1);
    }
}
