package io.ocmee.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.spi.ResourceInfo;
import io.ocmee.spi.ResourcePath;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** PROPFIND answers (RFC 4918 §9.1, §14.16, §15), parsed back with a namespace-aware DOM. */
class MultistatusTest {

    private static final String DAV = "DAV:";
    private static final Instant MODIFIED = Instant.parse("2026-12-04T10:15:30Z");

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(DAV, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Test
    void listsEachResourceWithTheFiveProperties() throws Exception {
        ResourceInfo folder =
                new ResourceInfo(ResourcePath.parse("data"), "data", true, 0, MODIFIED, "\"f1\"");
        ResourceInfo file =
                new ResourceInfo(
                        ResourcePath.parse("data/a & b.txt"),
                        "a & b.txt",
                        false,
                        12,
                        MODIFIED,
                        "\"e<1>\"");

        Document doc =
                parse(
                        Multistatus.write(
                                List.of(
                                        new Multistatus.Entry("/ocm/webdav/p/", folder),
                                        new Multistatus.Entry(
                                                "/ocm/webdav/p/a%20%26%20b.txt", file))));

        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(DAV);
        assertThat(root.getLocalName()).isEqualTo("multistatus");
        NodeList responses = root.getElementsByTagNameNS(DAV, "response");
        assertThat(responses.getLength()).isEqualTo(2);

        Element first = (Element) responses.item(0);
        assertThat(text(first, "href")).isEqualTo("/ocm/webdav/p/");
        assertThat(first.getElementsByTagNameNS(DAV, "collection").getLength()).isEqualTo(1);
        assertThat(text(first, "getetag")).isEqualTo("\"f1\"");
        assertThat(text(first, "status")).isEqualTo("HTTP/1.1 200 OK");

        Element second = (Element) responses.item(1);
        assertThat(text(second, "href")).isEqualTo("/ocm/webdav/p/a%20%26%20b.txt");
        assertThat(second.getElementsByTagNameNS(DAV, "collection").getLength()).isZero();
        assertThat(second.getElementsByTagNameNS(DAV, "resourcetype").getLength()).isEqualTo(1);
        assertThat(text(second, "getcontentlength")).isEqualTo("12");
        assertThat(text(second, "getcontenttype")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(text(second, "getlastmodified")).isEqualTo("Fri, 04 Dec 2026 10:15:30 GMT");
        assertThat(text(second, "getetag")).isEqualTo("\"e<1>\"");
    }

    @Test
    void errorDocumentNamesThePrecondition() throws Exception {
        Element root = parse(Multistatus.error("propfind-finite-depth")).getDocumentElement();

        assertThat(root.getLocalName()).isEqualTo("error");
        assertThat(root.getNamespaceURI()).isEqualTo(DAV);
        assertThat(root.getElementsByTagNameNS(DAV, "propfind-finite-depth").getLength())
                .isEqualTo(1);
    }
}
