package org.gmck.spi.x86;

/** What one access gives: a translation, a page fault, or a general-protection fault. */
public sealed interface AccessOutcome permits Translated, PageFault, GeneralProtection {}
