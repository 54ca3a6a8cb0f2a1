package org.gmck.kit.x86model;

import java.util.List;
import org.gmck.kit.x86walk.WalkSpec;
import org.gmck.kit.x86walk.X86RuleModel;

/**
 * One generated case: what to set up and do, and what the rule model requires.
 *
 * @param id       unique id, {@code <file>-<n>}
 * @param comment  what the case varies, in words
 * @param rules    the catalogue rules it exercises
 * @param flags    notes that apply (explained in the file's {@code notes})
 * @param spec     CPU, registers, memory and access
 * @param expected the rule model's expectation
 */
public record FixtureCase(
        String id,
        String comment,
        List<String> rules,
        List<String> flags,
        WalkSpec spec,
        X86RuleModel.Expectation expected) {}
