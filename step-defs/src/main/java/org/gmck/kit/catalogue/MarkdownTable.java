package org.gmck.kit.catalogue;

/** The body rows of a Markdown table in CONFORMANCE.md, found by its header line. */
final class MarkdownTable {

    /** Receives one body row, stripped, with its 1-based line number in the text. */
    interface RowReader {
        void row(String line, int lineNo);
    }

    private MarkdownTable() {}

    /**
     * Hands every body row of every table whose header line is {@code header} to {@code reader}: the rows after
     * the header up to the first line that is not a table row, without the separator row.
     */
    static void rows(String markdown, String header, RowReader reader) {
        boolean inTable = false;
        int lineNo = 0;
        for (String raw : markdown.split("\n", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.equals(header)) {
                inTable = true;
                continue;
            }
            if (!inTable) {
                continue;
            }
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            if (line.startsWith("| ---") || line.startsWith("|---")) {
                continue;
            }
            reader.row(line, lineNo);
        }
    }
}
