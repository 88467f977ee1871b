package dev.outdial.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An .xlsx is a zip, and a zip of a few kilobytes can unpack to gigabytes. Before any sheet is
 * parsed, every entry's size is checked: the size the archive declares, the ratio to its packed
 * size (Apache POI's long-standing rule: an entry that inflates more than 100 times is a bomb), and
 * the size it really unpacks to, counted without keeping anything, since a hostile archive may lie
 * in its headers.
 */
final class ZipBombGuard {

    /** A 50 MB upload of real spreadsheet XML unpacks to a few hundred MB at most. */
    static final long MAX_UNPACKED_BYTES = 1024L * 1024 * 1024;
    static final double MAX_RATIO = 100;
    /** Small entries (styles, content types) may compress very well and weigh nothing. */
    static final long RATIO_GRACE_BYTES = 1024L * 1024;
    static final int MAX_ENTRIES = 10_000;

    private ZipBombGuard() {
    }

    static void check(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw bomb();
            }
            long total = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                checkDeclared(entry);
                total += unpackedSize(zip, entry, MAX_UNPACKED_BYTES - total);
            }
            if (zip.getEntry("xl/workbook.xml") == null) {
                throw SpreadsheetRows.refused("file.not-spreadsheet");
            }
        } catch (ZipException corrupt) {
            throw SpreadsheetRows.refused("file.corrupt");
        }
    }

    private static void checkDeclared(ZipEntry entry) {
        long size = entry.getSize();
        long packed = entry.getCompressedSize();
        if (size < 0 || size > MAX_UNPACKED_BYTES) {
            throw bomb();
        }
        if (size > RATIO_GRACE_BYTES && (packed <= 0 || (double) size / packed > MAX_RATIO)) {
            throw bomb();
        }
    }

    /** Inflates the entry into nothing, stopping as soon as it passes its declared size or the budget. */
    private static long unpackedSize(ZipFile zip, ZipEntry entry, long budget) throws IOException {
        long limit = Math.min(entry.getSize(), budget);
        long count = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                count += n;
                if (count > limit) {
                    throw bomb();
                }
            }
        }
        return count;
    }

    private static RuntimeException bomb() {
        return SpreadsheetRows.refused("file.too-large-unpacked", MAX_UNPACKED_BYTES / (1024 * 1024));
    }
}
