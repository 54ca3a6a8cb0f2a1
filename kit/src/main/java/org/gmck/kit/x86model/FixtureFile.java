package org.gmck.kit.x86model;

import java.util.List;

/**
 * One file of {@code x86-fixtures/}: the cases of one paging mode and one topic.
 *
 * @param name        file name without {@code .json}
 * @param description what the file covers
 * @param cases       its cases
 */
public record FixtureFile(String name, String description, List<FixtureCase> cases) {}
