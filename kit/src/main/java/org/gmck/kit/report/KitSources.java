package org.gmck.kit.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.gmck.kit.catalogue.FeatureIndex;

/**
 * The kit's own sources as the running suite sees them on its class path (a folder in this repository,
 * or the kit's jar in a third party's build): the catalogue, the features, the kit's version, and
 * digests that pin exactly which kit produced a report.
 */
public final class KitSources {

    private static volatile KitSources loaded;

    private final String version;
    private final String catalogue;
    private final FeatureIndex features;
    private final Map<String, byte[]> featureFiles;
    private final String featuresSha256;
    private final String catalogueSha256;

    private KitSources(String version, String catalogue, FeatureIndex features, Map<String, byte[]> featureFiles) {
        this.version = version;
        this.catalogue = catalogue;
        this.features = features;
        this.featureFiles = featureFiles;
        this.featuresSha256 = digest(featureFiles);
        this.catalogueSha256 = sha256(catalogue.getBytes(StandardCharsets.UTF_8));
    }

    /** The sources on the class path. */
    public static synchronized KitSources onClassPath() {
        if (loaded == null) {
            ClassLoader loader = KitSources.class.getClassLoader();
            String version = resource(loader, "gmck-kit-version.txt").strip();
            String catalogue = resource(loader, "CONFORMANCE.md");
            loaded = withFeatures(loader, dir -> new KitSources(version, catalogue, FeatureIndex.read(dir), read(dir)));
        }
        return loaded;
    }

    public String version() {
        return version;
    }

    public String catalogueText() {
        return catalogue;
    }

    public String catalogueSha256() {
        return catalogueSha256;
    }

    public FeatureIndex features() {
        return features;
    }

    /** SHA-256 over every feature file's relative path and bytes, in path order. */
    /**
     * The scenarios certification could not attribute: each must carry exactly one rule tag, of a rule the
     * catalogue lists, and exactly one profile tag. Any listed here makes a run an error.
     */
    public java.util.List<String> unattributable() {
        return unattributable(features);
    }

    /** The scenarios of {@code features} certification could not attribute (see {@link #unattributable()}). */
    public static java.util.List<String> unattributable(FeatureIndex features) {
        org.gmck.kit.catalogue.RuleCatalogue catalogue = org.gmck.kit.catalogue.RuleCatalogue.bundled();
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (FeatureIndex.Entry e : features.entries()) {
            java.util.List<String> rules = FeatureIndex.ruleIds(e);
            long profiles = e.tags().stream()
                    .map(org.gmck.spi.common.Profile::byTag)
                    .filter(java.util.Optional::isPresent)
                    .count();
            if (rules.size() != 1 || profiles != 1) {
                problems.add("scenario " + e.where() + " needs exactly one rule tag and one profile tag, and has "
                        + rules.size() + " and " + profiles + ": certification cannot attribute it");
            } else if (catalogue.rule(rules.get(0)).isEmpty()) {
                problems.add("scenario " + e.where() + " is tagged @" + rules.get(0)
                        + ", which CONFORMANCE.md does not catalogue");
            }
        }
        return problems;
    }

    /**
     * How many scenarios the suite has for these profiles: a scenario counts once, an outline once per row of
     * its Examples. A run of those profiles must get a result for exactly this many.
     */
    public int scenarioCount(java.util.Set<org.gmck.spi.common.Profile> profiles) {
        return features.entries().stream()
                .filter(e -> e.tags().stream()
                        .map(org.gmck.spi.common.Profile::byTag)
                        .flatMap(java.util.Optional::stream)
                        .anyMatch(profiles::contains))
                .mapToInt(FeatureIndex.Entry::runs)
                .sum();
    }

    public String featuresSha256() {
        return featuresSha256;
    }

    /** Every feature file's bytes, by path relative to the features folder, in path order. */
    public Map<String, byte[]> featureFiles() {
        return featureFiles;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String digest(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(e.getValue());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> read(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".feature")).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(files);
    }

    private static String resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the features folder, which is a directory here and a folder inside the suite's jar in a third
     * party's build. A jar is opened and closed again around the read, so that Cucumber, which opens it
     * itself to find the features, finds it closed on the next run in this JVM.
     */
    private static <T> T withFeatures(ClassLoader loader, Function<Path, T> reader) {
        URL url = loader.getResource("features");
        if (url == null) {
            throw new IllegalStateException("the 'features' folder is not on the class path");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return reader.apply(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return reader.apply(jar.provider().getPath(uri));
            } catch (FileSystemAlreadyExistsException openElsewhere) {
                return reader.apply(Path.of(uri));
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the 'features' folder at " + url, e);
        }
    }
}
