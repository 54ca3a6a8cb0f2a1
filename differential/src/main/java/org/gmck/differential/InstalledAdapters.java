package org.gmck.differential;

import java.util.ServiceLoader;
import org.gmck.spi.ConformanceAdapter;

/** The adapters on the class path, by name: the reference and the engines a differential run compares. */
public final class InstalledAdapters {

    private InstalledAdapters() {}

    /** The adapter whose {@code name()} is {@code name}; fails naming it when none is on the class path. */
    public static ConformanceAdapter named(String name) {
        return ServiceLoader.load(ConformanceAdapter.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no adapter named " + name + " on the class path"));
    }
}
