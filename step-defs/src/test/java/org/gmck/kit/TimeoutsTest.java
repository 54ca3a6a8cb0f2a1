package org.gmck.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timeouts are written as people write them, and a scenario's tag wins over the run's setting. */
class TimeoutsTest {

    @Test
    void parsesTheWrittenForms() {
        assertEquals(Duration.ofMillis(500), Timeouts.parse("500ms"));
        assertEquals(Duration.ofSeconds(10), Timeouts.parse("10s"));
        assertEquals(Duration.ofMinutes(2), Timeouts.parse(" 2m "));
        assertEquals(Duration.ofSeconds(3), Timeouts.parse("PT3S"));
        assertEquals(Timeouts.UNLIMITED, Timeouts.parse("None"));
    }

    @Test
    void refusesNonsenseAndZero() {
        assertThrows(IllegalArgumentException.class, () -> Timeouts.parse("soon"));
        assertThrows(IllegalArgumentException.class, () -> Timeouts.parse("0s"));
    }

    @Test
    void aScenarioTagOverridesTheRunTimeout() {
        assertEquals(Duration.ofSeconds(30), Timeouts.forScenario(List.of("@PGM-MODE-1", "@timeout:30s")));
        assertEquals(Timeouts.forRun(), Timeouts.forScenario(List.of("@PGM-MODE-1", "@profile:pgm")));
    }

    @Test
    void describesDurationsReadably() {
        assertEquals("10 s", Timeouts.describe(Duration.ofSeconds(10)));
        assertEquals("250 ms", Timeouts.describe(Duration.ofMillis(250)));
        assertEquals("no limit", Timeouts.describe(Timeouts.UNLIMITED));
    }
}
