package org.gmck.spi.x86;

/** What a control-register load gives: the new registers in force, or #GP(0) with nothing changed. */
public sealed interface LoadOutcome permits Loaded, GeneralProtection {}
