package io.skitai.was.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * XML parsers that refuse DTDs: no document type declaration, hence no entities (internal or
 * external), no external schema or stylesheet access, no XInclude. Upstream answers are untrusted input.
 */
final class SafeXml {

    private static final DocumentBuilderFactory DOM = domFactory();
    private static final XMLInputFactory STAX = staxFactory();

    private SafeXml() {}

    /** A DOM of {@code bytes}. */
    static Document parse(byte[] bytes) throws IOException {
        try {
            DocumentBuilder builder = DOM.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("malformed XML: " + e.getMessage(), e);
        }
    }

    /** A StAX factory that reports a DTD instead of reading it (readers must refuse it). */
    static XMLInputFactory stax() {
        return STAX;
    }

    private static DocumentBuilderFactory domFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks the features needed to parse safely", e);
        }
    }

    private static XMLInputFactory staxFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }
}
