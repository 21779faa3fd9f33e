package org.beacon.rules.workbook;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What comes before the root element of an XML part, the only place a DOCTYPE may stand. Beacon reads its sheets
 * and text with parsers that refuse a DOCTYPE, but most parts of a package (document properties, styles, themes)
 * no parser of Beacon's ever reads, so a DOCTYPE there went unnoticed; reading each part's prolog refuses it
 * wherever it is. The parser is POI's hardened one: it refuses a DOCTYPE instead of reading it and loads nothing
 * external, so the entities a DOCTYPE declares are never resolved.
 */
final class XmlProlog {

    /** Stops the parse at the root element; carries no stack trace. */
    private static final class RootReached extends SAXException {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private XmlProlog() {
    }

    /**
     * True when the part reaches its root element without a DOCTYPE; false for a DOCTYPE, or a beginning that is
     * not XML. Reads no further than the root element (and the parser's buffer).
     *
     * @throws IOException when the part cannot be read, {@link XmlBudget.Exceeded} among them
     */
    static boolean isPlain(InputStream in) throws IOException {
        try {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes)
                        throws SAXException {
                    throw new RootReached();
                }
            });
            xml.parse(new InputSource(in));
            return false; // ended without a root element
        } catch (RootReached e) {
            return true;
        } catch (SAXException | ParserConfigurationException e) {
            return false;
        }
    }
}
