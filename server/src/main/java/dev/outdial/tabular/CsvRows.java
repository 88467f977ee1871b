package dev.outdial.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CSV as spreadsheet programs write it (RFC 4180 and its real-world cousins): a UTF-8 byte order
 * mark, commas or semicolons (Excel in locales with a decimal comma) or tabs, quoted fields with
 * doubled quotes and line breaks inside, CRLF or LF. The separator is the one the header row uses
 * most. Read as a stream: one row in memory at a time.
 */
final class CsvRows {

    /** Far above any real cell; a file past it is not a contact list but an attack or an accident. */
    static final int MAX_CELL_CHARS = 10_000;
    static final int MAX_CELLS = 1_000;
    private static final char[] SEPARATORS = {',', ';', '\t'};
    private static final int EOF = -1;

    private final BufferedReader in;
    private final char separator;
    private int line = 1;

    private CsvRows(BufferedReader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    static void read(Path file, Consumer<SpreadsheetRow> rows) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            skipByteOrderMark(in);
            CsvRows csv = new CsvRows(in, separatorOf(in));
            for (SpreadsheetRow row = csv.next(); row != null; row = csv.next()) {
                rows.accept(row);
            }
        } catch (CharacterCodingException notUtf8) {
            throw SpreadsheetRows.refused("file.not-utf8");
        }
    }

    private static void skipByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }

    /** Counts each candidate outside quotes on the first line, then rewinds. */
    private static char separatorOf(BufferedReader in) throws IOException {
        int lookahead = FileKind.SNIFF_BYTES;
        in.mark(lookahead);
        int[] counts = new int[SEPARATORS.length];
        boolean quoted = false;
        // Never one character past the mark's limit: a longer first line (a header of thousands of
        // columns) would otherwise invalidate the mark and fail the reset below.
        for (int i = 0; i < lookahead; i++) {
            int c = in.read();
            if (c == EOF) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int s = 0; s < SEPARATORS.length; s++) {
                    counts[s] += c == SEPARATORS[s] ? 1 : 0;
                }
            }
        }
        in.reset();
        int best = 0;
        for (int s = 1; s < SEPARATORS.length; s++) {
            best = counts[s] > counts[best] ? s : best;
        }
        return SEPARATORS[best];
    }

    /** The next record, or {@code null} at the end of the file. */
    private SpreadsheetRow next() throws IOException {
        int c = in.read();
        if (c == EOF) {
            return null;
        }
        int start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        while (c != EOF) {
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int after = in.read();
                    if (after == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (after != EOF) {
                            in.reset();
                        }
                    }
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                add(cells, cell, start);
            } else if (c == '\n' || c == '\r') {
                endOfLine(c);
                break;
            } else {
                cell.append((char) c);
            }
            if (cell.length() > MAX_CELL_CHARS) {
                throw SpreadsheetRows.refused("file.row-too-long", start, MAX_CELL_CHARS, MAX_CELLS);
            }
            c = in.read();
        }
        if (quoted) {
            // The quote never closes: every row after it was read into one cell. The file is
            // refused whole rather than imported short of the rows the quote swallowed.
            throw SpreadsheetRows.refused("file.unclosed-quote", start);
        }
        add(cells, cell, start);
        return new SpreadsheetRow(start, cells);
    }

    private void add(List<String> cells, StringBuilder cell, int row) {
        if (cells.size() >= MAX_CELLS) {
            throw SpreadsheetRows.refused("file.row-too-long", row, MAX_CELL_CHARS, MAX_CELLS);
        }
        cells.add(cell.toString());
        cell.setLength(0);
    }

    /** CRLF, LF and a lone CR each end one line. */
    private void endOfLine(int c) throws IOException {
        line++;
        if (c == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
                in.reset();
            }
        }
    }
}
