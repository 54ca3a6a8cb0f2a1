package org.gmck.kit.report;

import java.util.ArrayList;
import java.util.List;
import org.gmck.kit.evidence.CaseTally;
import org.gmck.kit.evidence.ModelEvidence;
import org.gmck.kit.evidence.RuleEvidence;

/** A rule's cases and model runs in a few words, for the summaries. */
final class EvidenceText {

    private EvidenceText() {}

    static String brief(RuleEvidence evidence) {
        List<String> parts = new ArrayList<>();
        int ran = evidence.cases().stream().mapToInt(CaseTally::ran).sum();
        if (ran > 0) {
            int failed = evidence.cases().stream().mapToInt(CaseTally::failed).sum();
            int notAskable =
                    evidence.cases().stream().mapToInt(CaseTally::notAskable).sum();
            parts.add(ran + " cases" + (failed > 0 ? ", " + failed + " failed" : "")
                    + (notAskable > 0 ? ", " + notAskable + " not askable" : ""));
        }
        if (!evidence.models().isEmpty()) {
            long failed =
                    evidence.models().stream().filter(ModelEvidence::failed).count();
            int sequences = evidence.models().stream()
                    .mapToInt(ModelEvidence::sequences)
                    .sum();
            parts.add(evidence.models().size() + " model runs (" + sequences + " sequences)"
                    + (failed > 0 ? ", " + failed + " disagree" : ""));
        }
        return String.join("; ", parts);
    }
}
