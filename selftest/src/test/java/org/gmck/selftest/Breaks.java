package org.gmck.selftest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a known-bad adapter (a subclass of {@link KnownBad}) with the rule it breaks. The kit must reject
 * the adapter by exactly that rule, plus any listed in {@link #also()}, and by no other; a SHOULD or MAY rule
 * among them must be reported unmet instead of failed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Breaks {

    /** The catalogued rule the fault breaks, for example {@code PGM-PAE-7}. */
    String value();

    /** Other rules the same fault necessarily breaks. */
    String[] also() default {};

    /** Text every failing scenario's message must contain, when the fault is about how the kit reports it. */
    String message() default "";

    /**
     * Whether the fault is a call that never returns. Only such adapters are certified with a timeout per call
     * (each call handed to a worker thread that can be abandoned); the others run their calls directly, which
     * keeps the many known-bad runs quick.
     */
    boolean hangs() default false;
}
