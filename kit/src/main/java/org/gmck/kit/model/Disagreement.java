package org.gmck.kit.model;

/**
 * A comparison between the adapter and the model that failed.
 *
 * @param rule       the rule the comparison belongs to
 * @param difference what the rule requires and what the adapter did
 * @param then       the Then-step (without its keyword) that checks what the model expects, so that the
 *                   shrunk sequence ends in the assertion that fails
 */
public record Disagreement(String rule, String difference, String then) {}
