package org.gmck.differential;

import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.gmck.spi.x86.GeneralProtection;
import org.gmck.spi.x86.GpReason;
import org.gmck.spi.x86.Loaded;

/**
 * What is known of one engine: compares its observation of a case with the reference's and names each
 * difference by a known deviation of the engine, a difference the SDM permits or a question the engine
 * cannot be asked; whatever it cannot name is the verdict's unexplained signature.
 */
public interface Classifier {

    /** A question the engine's adapter declines (its failure says it "cannot be asked"). */
    String NOT_ASKABLE = "NOT-ASKABLE";
    /** The reference loads PAE PDPTE registers at MOV CR3 (#GP on reserved bits); the engine's adapter does not declare them. */
    String PDPTE_REGISTERS = "NOT-DECLARED-PDPTE-REGISTERS";

    /** The adapter name of the engine this classifier knows. */
    String engine();

    /** How {@code engine}'s observation of {@code c} relates to {@code reference}'s. */
    Verdict classify(CaseSpec c, Observation reference, Observation engine);

    /**
     * What every engine's classifier decides before the access is compared: a question the adapter declined,
     * the reference's #GP for a PAE PDPTE the engine's adapter does not load as registers, register loads that
     * differ ({@code load} says how each appears in the unexplained signature), or a load both refused alike.
     * Empty when both loaded and the access itself is to be compared.
     */
    static Optional<Verdict> beforeTheAccess(
            Observation ref, Observation engine, String detail, Function<Observation, String> load) {
        TreeSet<String> classes = new TreeSet<>();
        if (engine.failure() != null && engine.failure().contains("cannot be asked")) {
            classes.add(NOT_ASKABLE);
            return Optional.of(new Verdict(classes, "", detail));
        }
        if (ref.load() instanceof GeneralProtection gp
                && gp.reason() == GpReason.BAD_PDPTE
                && engine.load() instanceof Loaded) {
            classes.add(PDPTE_REGISTERS);
            return Optional.of(new Verdict(classes, "", detail));
        }
        if (!ref.load().equals(engine.load())) {
            return Optional.of(new Verdict(classes, "load: " + load.apply(ref) + " vs " + load.apply(engine), detail));
        }
        if (!(ref.load() instanceof Loaded)) {
            return Optional.of(new Verdict(classes, "", detail));
        }
        return Optional.empty();
    }
}
