package org.gmck.kit.cli;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.jar.JarFile;
import org.gmck.kit.Adapters;
import org.gmck.spi.ConformanceAdapter;

/**
 * The adapter's class path as {@code --adapter-jar} gives it (each value a jar, a class folder, or several
 * joined by the path separator), checked entry by entry, and the adapters its service lists name.
 */
final class AdapterClassPath {

    private final List<Path> entries;

    private AdapterClassPath(List<Path> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The entries of the values given; a missing or unreadable one is a {@link SetupError} naming it. */
    static AdapterClassPath of(List<String> values) {
        List<Path> entries = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(File.pathSeparator)) {
                if (part.isBlank()) {
                    continue;
                }
                Path entry = Path.of(part.strip()).toAbsolutePath().normalize();
                check(entry);
                entries.add(entry);
            }
        }
        if (entries.isEmpty()) {
            throw new SetupError("--adapter-jar names no jar");
        }
        return new AdapterClassPath(entries);
    }

    private static void check(Path entry) {
        if (Files.isDirectory(entry)) {
            return;
        }
        if (!Files.isRegularFile(entry)) {
            throw new SetupError("--adapter-jar " + entry + ": no such file");
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            jar.size();
        } catch (IOException | SecurityException e) {
            throw new SetupError("--adapter-jar " + entry + " cannot be read as a jar: " + e.getMessage());
        }
    }

    List<Path> entries() {
        return entries;
    }

    /** A class loader over the entries, whose parent is the kit's (so the adapter sees the kit's SPI). */
    URLClassLoader loader() {
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new SetupError("--adapter-jar " + entry + " cannot be named as a URL: " + e.getMessage());
            }
        }
        return new URLClassLoader("gmck-adapter", urls.toArray(URL[]::new), AdapterClassPath.class.getClassLoader());
    }

    /**
     * The adapters {@code loader} finds: the names of those that load, and a line for each that does not.
     *
     * @param names  the names of the adapters that could be made and named
     * @param broken for each adapter that could not, why
     */
    record Found(List<String> names, List<String> broken) {

        /** The adapter to certify: the one named, or the only one there is. */
        String choose(java.util.Optional<String> wanted) {
            String others = broken.isEmpty() ? "" : "; adapters that could not be loaded: " + String.join("; ", broken);
            String found = names.isEmpty() ? "none" : String.join(", ", names);
            if (wanted.isPresent()) {
                long matching = names.stream().filter(wanted.get()::equals).count();
                if (matching == 0) {
                    throw new SetupError(
                            "no adapter named '" + wanted.get() + "' in the adapter jars; found: " + found + others);
                }
                if (matching > 1) {
                    throw new SetupError(matching + " adapters are named '" + wanted.get() + "'; found: " + found);
                }
                return wanted.get();
            }
            if (names.isEmpty()) {
                throw new SetupError("no adapter in the adapter jars: none is listed in META-INF/services/"
                        + ConformanceAdapter.class.getName() + others);
            }
            if (names.size() > 1) {
                throw new SetupError(
                        names.size() + " adapters in the adapter jars (" + found + "); choose one with --adapter NAME");
            }
            return names.get(0);
        }
    }

    /** Makes each adapter the service lists name and asks its name, each call within {@code timeout}. */
    static Found adapters(ClassLoader loader, Duration timeout) {
        try {
            Adapters.Listing listing = Adapters.list(loader, timeout);
            return new Found(listing.names(), listing.broken());
        } catch (ServiceConfigurationError e) {
            throw new SetupError("the adapter jars' service list cannot be read: " + e.getMessage());
        }
    }
}
