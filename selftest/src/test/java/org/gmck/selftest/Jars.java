package org.gmck.selftest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.gmck.spi.ConformanceAdapter;

/** Adapter jars made by a test: a few compiled classes and a service list naming the adapter. */
final class Jars {

    private Jars() {}

    /** Where a class was loaded from: a jar, or a folder of classes. */
    static Path codeSource(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jar a class came from, copied to {@code target}; a folder of classes is packed into one. */
    static Path copyOf(Class<?> type, Path target) throws IOException {
        Path source = codeSource(type);
        if (Files.isRegularFile(source)) {
            return Files.copy(source, target);
        }
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target));
                Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new ZipEntry(source.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
        return target;
    }

    /**
     * A jar of these classes (each with its nested and anonymous classes) and a service list naming
     * {@code adapter}, taken from this module's compiled test classes.
     */
    static Path adapter(Path target, Class<? extends ConformanceAdapter> adapter, List<Class<?>> classes)
            throws IOException {
        try (OutputStream file = Files.newOutputStream(target);
                JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new ZipEntry("META-INF/services/" + ConformanceAdapter.class.getName()));
            jar.write((adapter.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            for (Class<?> type : classes) {
                Path root = codeSource(type);
                String path = type.getName().replace('.', '/');
                Path folder = root.resolve(path).getParent();
                String simple = path.substring(path.lastIndexOf('/') + 1);
                try (Stream<Path> siblings = Files.list(folder)) {
                    for (Path f : siblings.filter(f -> {
                                String n = f.getFileName().toString();
                                return n.equals(simple + ".class") || n.startsWith(simple + "$");
                            })
                            .sorted()
                            .toList()) {
                        jar.putNextEntry(
                                new ZipEntry(root.relativize(f).toString().replace('\\', '/')));
                        Files.copy(f, jar);
                        jar.closeEntry();
                    }
                }
            }
        }
        return target;
    }
}
