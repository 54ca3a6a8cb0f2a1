package org.gmck.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's commands for a newcomer ("On a fresh machine") are the ones CI runs, letter for letter, so a
 * README command cannot break while CI stays green.
 */
class ReadmeCommandsTest {

    private static final Path ROOT = Path.of(System.getProperty("kit.root", ".."));

    /** The commands in the code blocks of the README's "On a fresh machine" section. */
    static List<String> freshMachineCommands() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        List<String> commands = new ArrayList<>();
        boolean inSection = false;
        boolean inBlock = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## On a fresh machine");
            } else if (inSection && line.startsWith("```")) {
                inBlock = !inBlock;
            } else if (inSection && inBlock && !line.isBlank()) {
                commands.add(line.strip());
            }
        }
        return commands;
    }

    @Test
    void ciRunsEachOfTheReadmesCommandsAsPrinted() throws IOException {
        List<String> commands = freshMachineCommands();
        assertEquals(2, commands.size(), "the README should give a newcomer two commands, found " + commands);
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci").resolve("run")).stream()
                .map(String::strip)
                .toList();
        for (String command : commands) {
            assertTrue(ci.contains(command), ".ci/run does not run the README's command as printed: " + command);
        }
    }
}
