package ru.sipring.ha;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import ru.sipring.core.BadInputException;

/** The JDK's DOM parser locked down: no DTDs, no external entities, no XInclude. */
final class SecureXml {
  private SecureXml() {}

  static Document parse(String xml, String source) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      // crm_mon never prints a DOCTYPE; refusing them shuts out entity expansion attacks entirely
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      // the default handler prints "[Fatal Error]" to stderr before throwing; the exception says it all
      b.setErrorHandler(new DefaultHandler() {
        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      return b.parse(new InputSource(new StringReader(xml)));
    } catch (SAXParseException e) {
      throw new BadInputException(source + ":" + e.getLineNumber() + ":" + e.getColumnNumber(),
          "malformed XML (" + e.getMessage() + ")", e);
    } catch (SAXException e) {
      throw new BadInputException(source, "malformed XML (" + e.getMessage() + ")", e);
    } catch (IOException | ParserConfigurationException e) {
      throw new BadInputException(source, "cannot read XML: " + e.getMessage(), e);
    }
  }
}
