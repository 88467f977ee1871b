package dev.outdial.tabular;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An .xlsx's shared-strings table (its distinct texts, which cells point at by number) kept on disk,
 * not in the heap: a workbook of a million rows holds millions of them, and keeping them as Java
 * strings cost ~270 MB. The part is streamed once into two temporary files, the texts in UTF-8 one
 * after the other and the end offset of each, then both are mapped read-only: a cell's text is read
 * from the mapping when the sheet asks for it. The heap holds no text of the table at all, whatever
 * its size; the operating system's page cache keeps what is read often.
 *
 * <p>The files are unlinked as soon as they are open (on POSIX systems an open file lives on without
 * a name), so nothing is left behind however the import ends, the node's death included; where
 * that is refused they go when closed.
 */
final class SharedStrings implements AutoCloseable {

    /** The most a cell of Excel holds; a longer shared string was not written by a spreadsheet program. */
    static final int MAX_CHARS = 32_767;
    private static final ValueLayout.OfLong OFFSET = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Arena arena;
    private final MemorySegment texts;
    private final MemorySegment ends;
    private final int count;

    private SharedStrings(Arena arena, MemorySegment texts, MemorySegment ends, int count) {
        this.arena = arena;
        this.texts = texts;
        this.ends = ends;
        this.count = count;
    }

    /** A workbook without shared strings (every text inline). */
    static SharedStrings none() {
        return new SharedStrings(null, MemorySegment.NULL, MemorySegment.NULL, 0);
    }

    /** Streams the sharedStrings part to disk; refuses a text longer than a cell of Excel holds. */
    static SharedStrings read(InputStream part) throws IOException, XMLStreamException {
        try (FileChannel textFile = unlinkedTempFile(); FileChannel endFile = unlinkedTempFile()) {
            // Flushed, not closed: closing the streams would close the channels before they are mapped.
            DataOutputStream textOut = buffered(textFile);
            DataOutputStream endOut = buffered(endFile);
            int count = copy(part, textOut, endOut);
            textOut.flush();
            endOut.flush();
            Arena arena = Arena.ofShared();
            try {
                return new SharedStrings(arena, map(textFile, arena), map(endFile, arena), count);
            } catch (IOException | RuntimeException failure) {
                arena.close();
                throw failure;
            }
        }
    }

    /** The text of shared string {@code index}; a cell pointing past the table means a damaged file. */
    String get(int index) {
        if (index < 0 || index >= count) {
            throw SpreadsheetRows.refused("file.corrupt");
        }
        long start = index == 0 ? 0 : ends.get(OFFSET, (index - 1) * Long.BYTES);
        long end = ends.get(OFFSET, (long) index * Long.BYTES);
        byte[] utf8 = new byte[(int) (end - start)];
        MemorySegment.copy(texts, ValueLayout.JAVA_BYTE, start, utf8, 0, utf8.length);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Unmaps the files; the mapping's pages go back to the system at once. */
    @Override
    public void close() {
        if (arena != null) {
            arena.close();
        }
    }

    private static int copy(InputStream part, DataOutputStream textOut, DataOutputStream endOut)
            throws XMLStreamException, IOException {
        XMLStreamReader xml = XmlParts.open(part);
        StringBuilder text = new StringBuilder();
        int count = 0;
        long end = 0;
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && "si".equals(xml.getLocalName())) {
                    text.setLength(0);
                    XmlParts.appendRichText(xml, text, MAX_CHARS);
                    if (text.length() > MAX_CHARS) {
                        throw SpreadsheetRows.refused("file.shared-string-too-long", count + 1, MAX_CHARS);
                    }
                    byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
                    textOut.write(utf8);
                    end += utf8.length;
                    endOut.writeLong(end);
                    count++;
                }
            }
        } finally {
            xml.close();
        }
        return count;
    }

    private static FileChannel unlinkedTempFile() throws IOException {
        Path file = Files.createTempFile("outdial-shared-strings-", ".tmp");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        try {
            Files.delete(file);
        } catch (IOException heldOpen) {
            // Windows keeps an open file's name; DELETE_ON_CLOSE removes it when the import closes it.
        }
        return channel;
    }

    private static DataOutputStream buffered(FileChannel file) {
        return new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(file), BUFFER_BYTES));
    }

    private static MemorySegment map(FileChannel file, Arena arena) throws IOException {
        long size = file.size();
        return size == 0 ? MemorySegment.NULL : file.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
    }
}
