package io.branchsync.shop.internal.rpc;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Refuses a document nested deeper than a limit before the XML-RPC parser, which recurses once per
 * array or struct, runs out of stack. No call of the contract nests beyond a dozen elements.
 */
final class DepthLimit extends XMLFilterImpl {

  /** Deepest element nesting accepted. */
  static final int MAX_DEPTH = 32;

  private int depth;

  DepthLimit(XMLReader parent) {
    super(parent);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts)
      throws SAXException {
    if (++depth > MAX_DEPTH) {
      throw new SAXException("elements nested deeper than " + MAX_DEPTH);
    }
    super.startElement(uri, localName, qName, atts);
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    depth--;
    super.endElement(uri, localName, qName);
  }
}
