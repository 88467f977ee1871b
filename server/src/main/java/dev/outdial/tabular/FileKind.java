package dev.outdial.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** What an uploaded file really is, judged by its first bytes (a name is only a claim). */
enum FileKind {
    CSV,
    XLSX;

    /** How much of a text file is looked at before it is trusted to be text all along. */
    static final int SNIFF_BYTES = 64 * 1024;
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    static FileKind of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (head.length == 0) {
            throw SpreadsheetRows.refused("file.empty");
        }
        if (startsWith(head, ZIP)) {
            return XLSX;
        }
        if (startsWith(head, OLE2)) {
            throw SpreadsheetRows.refused("file.xls-not-supported");
        }
        if (!looksLikeText(head)) {
            throw SpreadsheetRows.refused("file.not-spreadsheet");
        }
        if (!isUtf8(head, head.length < SNIFF_BYTES)) {
            throw SpreadsheetRows.refused("file.not-utf8");
        }
        return CSV;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    /** Text has no NUL and no control characters other than tab, line breaks and form feed. */
    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    /** Strict UTF-8; a character cut by the end of the sniffed bytes is not held against the file. */
    private static boolean isUtf8(byte[] head, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), wholeFile);
        return !result.isError();
    }
}
