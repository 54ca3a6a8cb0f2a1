package org.gmck.kit.certify;

/**
 * The conformance suite ({@link ConformanceSuite}, every check a certification runs) as a test of the kit's
 * own build, against the adapter named by {@code -Dconformance.adapter} (default {@code reference}). The
 * mutation gate runs it against every mutant of the reference.
 */
public class RunConformanceTest extends ConformanceSuite {}
