package io.ocmee.access;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a WebDAV {@code 207 Multi-Status} body (RFC 4918 §13, §14) into {@link RemoteEntry}s: for
 * each {@code response}, its {@code href} and the properties of the {@code propstat} whose status
 * is 200. Untrusted input: document type declarations are refused outright (no entities, no
 * external fetches), and the caller caps the body size.
 *
 * <p>Thread-safe: each call builds its own parser.
 */
final class MultistatusParser {

    private static final String DAV = "DAV:";

    /** One parsed {@code response}: its href's path, decoded, without trailing slash. */
    record Item(String path, RemoteEntry entry) {}

    private MultistatusParser() {}

    /**
     * @param body the multistatus XML
     * @return its items, in document order
     * @throws IllegalArgumentException if the body is not a well-formed multistatus document
     */
    static List<Item> parse(byte[] body) {
        Element root = document(body).getDocumentElement();
        if (!isDav(root, "multistatus")) {
            throw new IllegalArgumentException("the answer is not a DAV:multistatus document");
        }
        List<Item> items = new ArrayList<>();
        for (Element response : children(root, "response")) {
            Optional<String> href = child(response, "href").map(e -> e.getTextContent().strip());
            if (href.isEmpty() || href.get().isEmpty()) {
                continue;
            }
            String path = decodedPath(href.get());
            items.add(new Item(path, entry(path, okProperties(response))));
        }
        return items;
    }

    private static RemoteEntry entry(String path, Optional<Element> prop) {
        boolean folder =
                prop.flatMap(p -> child(p, "resourcetype"))
                        .map(t -> child(t, "collection").isPresent())
                        .orElse(false);
        OptionalLong size =
                prop.flatMap(p -> child(p, "getcontentlength"))
                        .map(e -> e.getTextContent().strip())
                        .filter(s -> s.matches("\\d{1,18}"))
                        .map(s -> OptionalLong.of(Long.parseLong(s)))
                        .orElse(OptionalLong.empty());
        Optional<Instant> modified =
                prop.flatMap(p -> child(p, "getlastmodified"))
                        .flatMap(e -> httpDate(e.getTextContent().strip()));
        Optional<String> etag =
                prop.flatMap(p -> child(p, "getetag"))
                        .map(e -> e.getTextContent().strip())
                        .filter(s -> !s.isEmpty() && s.length() <= 256);
        int slash = path.lastIndexOf('/');
        return new RemoteEntry(path.substring(slash + 1), folder, size, modified, etag);
    }

    /** The {@code prop} of the first {@code propstat} with a 2xx status (or no status). */
    private static Optional<Element> okProperties(Element response) {
        for (Element propstat : children(response, "propstat")) {
            Optional<String> status = child(propstat, "status").map(Node::getTextContent);
            if (status.isEmpty() || status.get().strip().matches("HTTP/\\S+\\s+2\\d\\d.*")) {
                Optional<Element> prop = child(propstat, "prop");
                if (prop.isPresent()) {
                    return prop;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> httpDate(String text) {
        try {
            return Optional.of(
                    ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * @param href an absolute URL or an absolute path, percent-encoded
     * @return its path, decoded, without trailing slashes
     */
    static String decodedPath(String href) {
        String path;
        try {
            URI uri = new URI(href);
            path = uri.getPath() == null ? "" : uri.getPath();
        } catch (URISyntaxException e) {
            path = java.net.URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static Document document(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("the answer is not well-formed XML", e);
        }
    }

    private static boolean isDav(Node node, String localName) {
        return node instanceof Element
                && DAV.equals(node.getNamespaceURI())
                && localName.equals(node.getLocalName());
    }

    private static Optional<Element> child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (isDav(nodes.item(i), localName)) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }
}
