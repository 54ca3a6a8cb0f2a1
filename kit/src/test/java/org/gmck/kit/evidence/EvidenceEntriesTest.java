package org.gmck.kit.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Evidence survives its trip from a check to the run unchanged, and what is not evidence is not read as such. */
class EvidenceEntriesTest {

    @Test
    void aTallyOfCasesRoundTrips() {
        EvidenceEntries.Entry entry = new EvidenceEntries.Cases(
                "X86-AD-3",
                new CaseTally(
                        "x86-fixtures/pae-rights.json",
                        12,
                        2,
                        1,
                        List.of(new CaseTally.FailedCase("pae-rights-7", "expected \"PageFault\", got Translated"))));
        assertEquals(Optional.of(entry), EvidenceEntries.read(EvidenceEntries.write(entry)));
    }

    @Test
    void aModelRunWithAndWithoutACounterexampleRoundTrips() {
        EvidenceEntries.Entry passed = new EvidenceEntries.Model(
                "GMM-STATE-7", new ModelEvidence("gmm", "current-2mb", "standard", -42L, 40, 1_234L, Optional.empty()));
        EvidenceEntries.Entry failed = new EvidenceEntries.Model(
                "GMM-STATE-7",
                new ModelEvidence(
                        "gmm",
                        "current-2mb",
                        "quick",
                        7L,
                        3,
                        55L,
                        Optional.of(new ModelEvidence.Counterexample(
                                "expected 3, got 2", 4, "  @GMM-STATE-7 @profile:gmm\n  Scenario: x\n"))));
        assertEquals(Optional.of(passed), EvidenceEntries.read(EvidenceEntries.write(passed)));
        assertEquals(Optional.of(failed), EvidenceEntries.read(EvidenceEntries.write(failed)));
    }

    @Test
    void anythingElseIsNotEvidence() {
        assertEquals(Optional.empty(), EvidenceEntries.read("not json"));
        assertEquals(Optional.empty(), EvidenceEntries.read("{\"rule\":\"X86-AD-3\",\"kind\":\"gossip\"}"));
    }
}
