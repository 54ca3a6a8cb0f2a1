package org.gmck.kit.certify;

import io.cucumber.core.eventbus.UuidGenerator;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids Cucumber gives every node of every feature file it parses and every event of a run: one random half
 * drawn once per JVM, and a counter that every run in the JVM shares, so that no two are ever equal in one JVM
 * however many certifications it runs. Cucumber's default draws each id from {@link SecureRandom}, about a
 * twentieth of a certification of one profile; its own incrementing generator counts its instances in 12 bits
 * and repeats ids after 4,096 of them, which a JVM certifying the known-bad adapters one after the other reaches.
 * Chosen by {@code cucumber.uuid-generator} (see {@link Certification} and the kit's
 * {@code junit-platform.properties}).
 */
public final class RunUniqueIds implements UuidGenerator {

    /** The JVM's half: a version-8 (custom) UUID's high word. */
    private static final long JVM = (new SecureRandom().nextLong() & ~0xF000L) | 0x8000L;

    private static final AtomicLong NEXT = new AtomicLong();

    @Override
    public UUID generateId() {
        // the variant bits (10) on top of a 62-bit count
        return new UUID(JVM, (NEXT.incrementAndGet() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L);
    }
}
