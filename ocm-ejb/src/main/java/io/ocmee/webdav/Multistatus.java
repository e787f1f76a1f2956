package io.ocmee.webdav;

import io.ocmee.signature.message.HttpDate;
import io.ocmee.spi.ResourceInfo;
import io.ocmee.storage.ContentTypes;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the RFC 4918 §14.16 {@code multistatus} answer of a PROPFIND with the JDK's StAX writer:
 * one {@code response} per resource with a single {@code 200} {@code propstat} holding {@code
 * resourcetype}, {@code getcontentlength}, {@code getcontenttype} (files only), {@code
 * getlastmodified} (IMF-fixdate) and {@code getetag}. Every PROPFIND is answered with these
 * properties whatever it asked for (like {@code allprop}); properties it names that are not among
 * them are not listed as 404. Stateless.
 */
public final class Multistatus {

    /** The media type of the answer. */
    public static final String MEDIA_TYPE = "application/xml; charset=utf-8";

    private static final String DAV = "DAV:";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Multistatus() {}

    /**
     * One resource of the answer.
     *
     * @param href its absolute URL path, percent-encoded
     * @param info what the storage knows about it
     */
    public record Entry(String href, ResourceInfo info) {

        /**
         * @throws NullPointerException if a component is {@code null}
         */
        public Entry {
            Objects.requireNonNull(href, "href");
            Objects.requireNonNull(info, "info");
        }
    }

    /**
     * @param entries the resources, the requested one first
     * @return the UTF-8 XML document
     */
    public static byte[] write(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("d", DAV);
            xml.writeStartElement(DAV, "multistatus");
            xml.writeNamespace("d", DAV);
            for (Entry entry : entries) {
                response(xml, entry);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a multistatus failed", e);
        }
        return out.toByteArray();
    }

    /**
     * @param precondition the local name of a {@code DAV:} precondition element
     * @return an RFC 4918 §16 {@code error} document naming it
     */
    public static byte[] error(String precondition) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("d", DAV);
            xml.writeStartElement(DAV, "error");
            xml.writeNamespace("d", DAV);
            xml.writeEmptyElement(DAV, precondition);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a DAV error failed", e);
        }
        return out.toByteArray();
    }

    private static void response(XMLStreamWriter xml, Entry entry) throws XMLStreamException {
        ResourceInfo info = entry.info();
        xml.writeStartElement(DAV, "response");
        text(xml, "href", entry.href());
        xml.writeStartElement(DAV, "propstat");
        xml.writeStartElement(DAV, "prop");
        xml.writeStartElement(DAV, "resourcetype");
        if (info.folder()) {
            xml.writeEmptyElement(DAV, "collection");
        }
        xml.writeEndElement();
        text(xml, "getcontentlength", Long.toString(info.size()));
        if (!info.folder()) {
            text(xml, "getcontenttype", ContentTypes.guess(info.name()));
        }
        text(xml, "getlastmodified", HttpDate.format(info.lastModified()));
        text(xml, "getetag", info.etag());
        xml.writeEndElement();
        text(xml, "status", "HTTP/1.1 200 OK");
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String name, String value)
            throws XMLStreamException {
        xml.writeStartElement(DAV, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
