package org.gmck.qemu.gdb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Register numbers and widths from the stub's {@code target.xml} and the files it includes. XML comments
 * are stripped first: QEMU's i386-64bit.xml holds commented-out registers that would shift every later
 * number. Registers are numbered in document order unless a {@code regnum} attribute says otherwise.
 */
public final class TargetDescription {

    /** One register: its number and its width in bits. */
    public record Register(int number, int bits) {}

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ELEMENT = Pattern.compile("<(reg|xi:include)\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:]+)\\s*=\\s*\"([^\"]*)\"");

    private final Map<String, Register> registers;

    private TargetDescription(Map<String, Register> registers) {
        this.registers = Map.copyOf(registers);
    }

    /** Parses {@code root}, fetching included files with {@code fetch} (file name to XML text). */
    public static TargetDescription parse(String root, Function<String, String> fetch) {
        Map<String, Register> regs = new LinkedHashMap<>();
        int[] next = {0};
        walk(root, fetch, regs, next, 0);
        return new TargetDescription(regs);
    }

    private static void walk(
            String xml, Function<String, String> fetch, Map<String, Register> regs, int[] next, int depth) {
        if (depth > 8) {
            throw new GdbProtocolException("target description includes nest too deeply");
        }
        Matcher m = ELEMENT.matcher(COMMENT.matcher(xml).replaceAll(""));
        while (m.find()) {
            Map<String, String> attrs = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(m.group(2));
            while (a.find()) {
                attrs.put(a.group(1), a.group(2));
            }
            if (m.group(1).equals("xi:include")) {
                String href = attrs.get("href");
                if (href == null) {
                    throw new GdbProtocolException("xi:include without href in target description");
                }
                walk(fetch.apply(href), fetch, regs, next, depth + 1);
            } else {
                String name = attrs.get("name");
                String bits = attrs.get("bitsize");
                if (name == null || bits == null) {
                    throw new GdbProtocolException("register without name or bitsize: " + m.group());
                }
                int number = attrs.containsKey("regnum") ? Integer.parseInt(attrs.get("regnum")) : next[0];
                regs.put(name, new Register(number, Integer.parseInt(bits)));
                next[0] = number + 1;
            }
        }
    }

    /** The register called {@code name}, if the target has it. */
    public Optional<Register> register(String name) {
        return Optional.ofNullable(registers.get(name));
    }

    /** The register called {@code name}; a target without it is unusable. */
    public Register require(String name) {
        return register(name)
                .orElseThrow(() -> new GdbProtocolException("the target description has no register '" + name + "'"));
    }

    /** Number of registers described. */
    public int size() {
        return registers.size();
    }
}
