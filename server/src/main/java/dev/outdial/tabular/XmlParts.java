package dev.outdial.tabular;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XML parts of an uploaded workbook, read as a stream by a parser that never fetches anything
 * a part points at: no DTD, no external entity (XXE), so an entity a hostile part declares stays
 * undefined and the part fails to parse as a damaged file.
 */
final class XmlParts {

    private static final XMLInputFactory FACTORY = hostileProof();

    private XmlParts() {
    }

    static XMLStreamReader open(InputStream part) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(part);
    }

    private static XMLInputFactory hostileProof() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** The text of the element the reader is on, up to its end, skipping nested elements' text. */
    static void appendText(XMLStreamReader xml, StringBuilder text, int maxChars) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && isText(event)) {
                appendBounded(xml, text, maxChars);
            }
        }
    }

    static boolean isText(int event) {
        return event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA
                || event == XMLStreamReader.SPACE;
    }

    /** Appends the current text event, stopping one character past {@code maxChars} so the caller sees it is too long. */
    static void appendBounded(XMLStreamReader xml, StringBuilder text, int maxChars) {
        int room = maxChars + 1 - text.length();
        if (room > 0) {
            text.append(xml.getTextCharacters(), xml.getTextStart(), Math.min(room, xml.getTextLength()));
        }
    }

    /**
     * The text of a shared string ({@code <si>}) or an inline string ({@code <is>}): its {@code <t>},
     * or the {@code <t>} of each rich-text run {@code <r>}; the phonetic guides ({@code <rPh>}, small
     * text above East Asian characters) are not the cell's text.
     */
    static void appendRichText(XMLStreamReader xml, StringBuilder text, int maxChars) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamReader.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "t" -> appendText(xml, text, maxChars);
                    case "rPh" -> skipElement(xml);
                    default -> depth++;
                }
            }
        }
    }

    /** Moves past the end of the element the reader is on. */
    static void skipElement(XMLStreamReader xml) throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            depth += event == XMLStreamReader.START_ELEMENT ? 1 : event == XMLStreamReader.END_ELEMENT ? -1 : 0;
        }
    }
}
