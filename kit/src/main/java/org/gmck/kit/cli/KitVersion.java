package org.gmck.kit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.IVersionProvider;

/** The kit's version, as its build recorded it in the jar, for {@code --version}. */
public final class KitVersion implements IVersionProvider {

    static final String RESOURCE = "gmck-kit-version.txt";

    @Override
    public String[] getVersion() {
        return new String[] {"gmck " + version() + " (Guest Memory Conformance Kit)"};
    }

    /** The version the build wrote into the kit's resources. */
    static String version() {
        try (InputStream in = KitVersion.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
