package org.gmck.kit.x86model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The x86 fixture corpus as the kit ships it: {@code x86-fixtures/*.json} on the class path, read once per JVM. */
public final class FixtureCorpus {

    private static final Map<String, List<ReplayCase>> CACHE = new ConcurrentHashMap<>();

    private FixtureCorpus() {}

    /** The corpus's file names, without {@code .json}, in a fixed order. */
    public static List<String> files() {
        return X86FixtureGenerator.fileNames();
    }

    /** The cases of one file. */
    public static List<ReplayCase> load(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            String resource = "/x86-fixtures/" + n + ".json";
            try (InputStream in = FixtureCorpus.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("fixture " + resource + " is not on the class path");
                }
                return FixtureJson.read(
                        "x86-fixtures/" + n + ".json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
