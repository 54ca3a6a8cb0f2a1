package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit's JVM entry point as a third party meets it: a Maven project written into an empty folder, with one
 * dependency (gmck-kit) and one class extending {@code AdapterConformanceTest} that returns the example
 * pgm-lite adapter (its sources copied next to it), certified by {@code mvn -o -q verify} in a process of its
 * own. The kit and its gmck dependencies come from this build's fresh jars and POMs, laid out as a local
 * repository; every other library from this build's own local repository, offline.
 */
class OneDependencyProjectTest {

    private static final Path ROOT = Path.of(System.getProperty("kit.root", ".."));
    private static final String VERSION = System.getProperty("gmck.version", "");
    private static final List<String> KIT = List.of("gmck-spi", "gmck-step-defs", "gmck-kit");

    @TempDir
    Path project;

    @TempDir
    Path repository;

    @Test
    void oneDependencyAndOneClassCertifyAnAdapter() throws Exception {
        Optional<Path> mvn = onPath(isWindows() ? "mvn.cmd" : "mvn");
        Assumptions.assumeTrue(mvn.isPresent(), "mvn is not on the PATH, so no Maven project can be built here");
        for (String artifact : KIT) {
            Assumptions.assumeTrue(
                    Files.isRegularFile(jar(artifact)),
                    jar(artifact) + " is not built: the reactor's package phase makes it (run mvn -B verify)");
        }
        try (Stream<Path> before = Files.list(project)) {
            assertEquals(0, before.count(), "the project starts in an empty folder");
        }
        layOutRepository();
        writeProject();
        Path log = repository.resolve("mvn.log");
        ProcessBuilder builder = new ProcessBuilder(
                        mvn.get().toString(),
                        "-o",
                        "-q",
                        "-B",
                        "verify",
                        "-Dmaven.repo.local=" + repository.resolve("local"),
                        "-Dconformance.depth=quick",
                        "-DargLine=" + String.join(" ", ChildJvm.OPTIONS))
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Maven's own JVM and the project's test JVM, started with the options of every JVM the self-tests start.
        builder.environment().put("MAVEN_OPTS", String.join(" ", ChildJvm.OPTIONS));
        Process p = builder.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "mvn verify did not end");
        String output = tail(log);
        assertEquals(0, p.exitValue(), () -> "mvn verify failed:\n" + output);
        JsonNode report = new ObjectMapper()
                .readTree(project.resolve("target/conformance/report.json").toFile());
        assertEquals("conforming", report.at("/outcome/verdict").asText());
        assertEquals("pgm-lite", report.at("/adapter/name").asText());
        assertEquals(VERSION, report.at("/kit/version").asText());
    }

    private static Path jar(String artifact) {
        return ROOT.resolve(module(artifact)).resolve("target").resolve(artifact + "-" + VERSION + ".jar");
    }

    private static String module(String artifact) {
        return artifact.substring("gmck-".length());
    }

    /**
     * A local repository: the gmck artifacts copied from this build (installed, as {@code mvn install} would
     * lay them out), everything else linked to this build's own local repository.
     */
    private void layOutRepository() throws IOException {
        Path local = Files.createDirectories(repository.resolve("local"));
        Path own = Path.of(
                System.getProperty("gmck.maven.repository", System.getProperty("user.home") + "/.m2/repository"));
        try (Stream<Path> top = Files.list(own)) {
            for (Path entry : top.toList()) {
                if (entry.getFileName().toString().equals("org")) {
                    Path org = Files.createDirectories(local.resolve("org"));
                    try (Stream<Path> groups = Files.list(entry)) {
                        for (Path group : groups.toList()) {
                            if (!group.getFileName().toString().equals("gmck")) {
                                Files.createSymbolicLink(org.resolve(group.getFileName()), group);
                            }
                        }
                    }
                } else {
                    Files.createSymbolicLink(local.resolve(entry.getFileName()), entry);
                }
            }
        }
        Path gmck = local.resolve("org").resolve("gmck");
        Path parent = Files.createDirectories(gmck.resolve("gmck-parent").resolve(VERSION));
        Files.copy(ROOT.resolve("pom.xml"), parent.resolve("gmck-parent-" + VERSION + ".pom"));
        for (String artifact : KIT) {
            Path folder = Files.createDirectories(gmck.resolve(artifact).resolve(VERSION));
            Files.copy(jar(artifact), folder.resolve(artifact + "-" + VERSION + ".jar"));
            Files.copy(
                    ROOT.resolve(module(artifact)).resolve("pom.xml"),
                    folder.resolve(artifact + "-" + VERSION + ".pom"));
        }
    }

    /** The project: a POM with the kit as its one dependency, pgm-lite's sources, and the one test class. */
    private void writeProject() throws IOException {
        Files.writeString(project.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>pgm-lite-certified</artifactId>
                  <version>1.0.0</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.gmck</groupId>
                      <artifactId>gmck-kit</artifactId>
                      <version>%s</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>
                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.5.0</version></plugin>
                        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.16.0</version></plugin>
                        <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.6.1</version></plugin>
                        <plugin><artifactId>maven-jar-plugin</artifactId><version>3.5.1</version></plugin>
                      </plugins>
                    </pluginManagement>
                  </build>
                </project>
                """.formatted(VERSION));
        Path sources = Files.createDirectories(project.resolve("src/test/java/com/example/pgmlite"));
        Path example = ROOT.resolve("examples/third-party-adapter/src/main/java/com/example/pgmlite");
        try (Stream<Path> files = Files.list(example)) {
            for (Path source : files.toList()) {
                Files.copy(source, sources.resolve(source.getFileName()));
            }
        }
        Files.writeString(sources.resolve("PgmLiteConformanceTest.java"), """
                package com.example.pgmlite;

                import org.gmck.kit.certify.AdapterConformanceTest;
                import org.gmck.spi.ConformanceAdapter;

                class PgmLiteConformanceTest extends AdapterConformanceTest {

                    @Override
                    protected ConformanceAdapter adapter() {
                        return new PgmLiteAdapter();
                    }
                }
                """);
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir).resolve(command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .startsWith("windows");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
