package org.gmck.kit.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The documentation comments of the SPI's sources, as plain Markdown text, for the generated method and type
 * reference of the protocol document: by type ({@code gmm.GlobalMemory}, nested {@code
 * gmm.GmmIntrospection.FreeSetKind}), by method ({@code gmm.GlobalMemory#allocate/3}) and by enum constant
 * ({@code gmm.GmmStatus.VERR_GMM_PAGE_ALREADY_FREE}).
 */
final class SpiJavadoc {

    private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile(
            "^(?:public\\s+|static\\s+|sealed\\s+|final\\s+|non-sealed\\s+)*(?:interface|record|enum|class)\\s+(\\w+)");
    private static final Pattern METHOD = Pattern.compile("(\\w+)\\s*\\(([^)]*)\\)");
    private static final Pattern CONSTANT = Pattern.compile("^([A-Z][A-Z0-9_]*)\\s*(?:[,;(]|$)");

    private final Map<String, String> docs = new HashMap<>();

    SpiJavadoc(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                read(sources, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(Path root, Path file) throws IOException {
        String text = Files.readString(file);
        String pkg =
                root.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
        pkg = pkg.startsWith("org.gmck.spi.") ? pkg.substring("org.gmck.spi.".length()) : "";
        String outer = file.getFileName().toString().replace(".java", "");
        String prefix = pkg.isEmpty() ? outer : pkg + "." + outer;
        Matcher m = COMMENT.matcher(text);
        while (m.find()) {
            String after = declaration(text, m.end());
            String doc = clean(m.group(1));
            Matcher type = TYPE.matcher(after);
            if (type.find()) {
                String name = type.group(1);
                docs.put(name.equals(outer) ? prefix : prefix + "." + name, doc);
                continue;
            }
            Matcher constant = CONSTANT.matcher(after);
            if (constant.find()) {
                docs.putIfAbsent(prefix + "." + constant.group(1), doc);
                continue;
            }
            Matcher method = METHOD.matcher(after);
            if (method.find()) {
                docs.put(prefix + "#" + method.group(1) + "/" + count(method.group(2)), doc);
            }
        }
    }

    /** The declaration after a comment: up to its body or its end, annotations skipped. */
    private static String declaration(String text, int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '{' && text.charAt(end) != ';') {
            end++;
        }
        String d = text.substring(from, end).replaceAll("\\s+", " ").trim();
        while (d.startsWith("@")) {
            int space = d.indexOf(' ');
            d = space < 0 ? "" : d.substring(space + 1);
        }
        return d;
    }

    private static int count(String params) {
        if (params.isBlank()) {
            return 0;
        }
        int depth = 0;
        int n = 1;
        for (char c : params.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                n++;
            }
        }
        return n;
    }

    /** The comment of a type, by its schema name. */
    Optional<String> type(String typeName) {
        return Optional.ofNullable(docs.get(typeName));
    }

    /** The comment of a method of a type. */
    Optional<String> method(Class<?> type, String name, int params) {
        return Optional.ofNullable(docs.get(SpiModel.typeName(type) + "#" + name + "/" + params));
    }

    /** The comment of an enum constant. */
    Optional<String> constant(Class<?> type, String constant) {
        return Optional.ofNullable(docs.get(SpiModel.typeName(type) + "." + constant));
    }

    /** A comment's text as Markdown: one paragraph per {@code <p>}, tags and links as plain words. */
    static String clean(String raw) {
        StringBuilder joined = new StringBuilder();
        for (String line : raw.split("\n")) {
            String l = line.strip();
            if (l.startsWith("*")) {
                l = l.substring(1).strip();
            }
            if (l.startsWith("@param")) {
                String[] parts = l.substring("@param".length()).strip().split("\\s+", 2);
                l = "\n\n- `" + parts[0] + "`: " + (parts.length > 1 ? parts[1] : "");
            } else if (l.startsWith("@return")) {
                l = "\n\n- returns: " + l.substring("@return".length()).strip();
            } else if (l.startsWith("@throws")) {
                String[] parts = l.substring("@throws".length()).strip().split("\\s+", 2);
                String what = parts[0].endsWith("RejectedException")
                        ? "refused (error -32000) with"
                        : parts[0].endsWith("ProfileNotImplementedException")
                                ? "profile not implemented (error -32001)"
                                : parts[0].endsWith("UnsupportedOperationException")
                                        ? "unsupported (error -32002)"
                                        : "fails with " + parts[0];
                l = "\n\n- " + what + " " + (parts.length > 1 ? parts[1] : "");
            }
            joined.append(l).append(' ');
        }
        String text = joined.toString()
                .replaceAll("\\{@code ([^{}]*(?:\\{[^{}]*\\}[^{}]*)*)\\}", "`$1`")
                .replaceAll("\\{@(?:link|linkplain) ([^}\\s]+) ([^}]+)\\}", "$2")
                .replaceAll("\\{@(?:link|linkplain) ([^}]+)\\}", "`$1`")
                .replaceAll("\\{@value ([^}]+)\\}", "`$1`")
                .replaceAll("`(?:org\\.gmck\\.spi\\.)?(?:[a-z0-9]+\\.)*([A-Z]\\w*)#(\\w+)(?:\\([^`]*\\))?`", "`$1.$2`")
                .replaceAll("`#(\\w+)(?:\\([^`]*\\))?`", "`$1`")
                .replaceAll("`(?:org\\.gmck\\.spi\\.)(?:[a-z0-9]+\\.)*([A-Z]\\w*)`", "`$1`")
                .replaceAll("`(?:Profile\\.)([A-Z0-9_]+)`", "PROFILE:$1")
                .replaceAll("(?:an? )?`RejectedException`", "a refusal (error -32000)")
                .replaceAll("</?(?:i|em)>", "*")
                .replaceAll("</?(?:b|strong)>", "**")
                .replaceAll("<p>", "\n\n")
                .replaceAll("</?(?:ul|ol)>", "\n")
                .replaceAll("<li>", "\n- ")
                .replaceAll("</li>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
        Matcher profile = Pattern.compile("PROFILE:([A-Z0-9_]+)").matcher(text);
        text = profile.replaceAll(
                r -> "`" + org.gmck.spi.common.Profile.valueOf(r.group(1)).id() + "`");
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            out.append(line.strip().replaceAll(" +", " ")).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
