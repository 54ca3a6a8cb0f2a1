/**
 * The standalone certifier: the command line of the kit's {@code cli} jar ({@code java -jar
 * gmck-kit-VERSION-cli.jar}), which certifies an adapter from its jars with no build tool, lists and explains
 * the catalogue's rules, and checks a report.
 */
package org.gmck.kit.cli;
