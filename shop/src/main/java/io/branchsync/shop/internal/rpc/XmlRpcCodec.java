package io.branchsync.shop.internal.rpc;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.XmlRpcRequest;
import org.apache.xmlrpc.XmlRpcRequestConfig;
import org.apache.xmlrpc.common.XmlRpcHttpRequestConfigImpl;
import org.apache.xmlrpc.parser.XmlRpcRequestParser;
import org.apache.xmlrpc.server.XmlRpcHandlerMapping;
import org.apache.xmlrpc.server.XmlRpcServerConfigImpl;
import org.apache.xmlrpc.server.XmlRpcStreamServer;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads XML-RPC calls and writes replies with the Apache XML-RPC classes, with the extensions (Java
 * serialization, {@code <nil/>}, 64-bit ints) off and an XML parser that refuses any DOCTYPE, so no
 * entity, external or internal, is ever resolved or expanded. Every outcome, including a malformed
 * call, becomes a reply: a result or a fault with our codes.
 */
public final class XmlRpcCodec extends XmlRpcStreamServer {

  private static final int MAX_PARSER_MESSAGE = 200;

  private final XmlRpcHttpRequestConfigImpl requestConfig = new XmlRpcHttpRequestConfigImpl();
  private final SAXParserFactory parsers = hardenedParsers();

  /**
   * Creates the codec.
   *
   * @param mapping the handlers of the contract's methods
   */
  public XmlRpcCodec(XmlRpcHandlerMapping mapping) {
    XmlRpcServerConfigImpl config = new XmlRpcServerConfigImpl();
    config.setEnabledForExtensions(false);
    config.setEnabledForExceptions(false);
    config.setEncoding(StandardCharsets.UTF_8.name());
    setConfig(config);
    setHandlerMapping(mapping);
    requestConfig.setEnabledForExtensions(false);
    requestConfig.setEnabledForExceptions(false);
    requestConfig.setEncoding(StandardCharsets.UTF_8.name());
  }

  /**
   * Reads one call from a request body, runs it, and returns the XML reply.
   *
   * @param body the request body
   * @return the reply document, UTF-8
   * @throws IOException if reading the body fails, including {@link RequestTooLargeException}
   */
  public byte[] process(InputStream body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XmlRpcRequest request = parse(body);
      Object result = execute(request);
      writeResponse(requestConfig, out, result);
    } catch (XmlRpcException e) {
      out.reset();
      writeFault(out, e.code, e.getMessage());
    }
    return out.toByteArray();
  }

  private XmlRpcRequest parse(InputStream body) throws IOException, XmlRpcException {
    XmlRpcRequestParser parser = new XmlRpcRequestParser(requestConfig, getTypeFactory());
    XMLReader reader = new DepthLimit(newReader());
    reader.setContentHandler(parser);
    try {
      reader.parse(new InputSource(body));
    } catch (SAXException e) {
      RequestTooLargeException tooLarge = tooLarge(e);
      if (tooLarge != null) {
        throw tooLarge;
      }
      throw fault(FaultCode.BAD_ARGUMENT, "request: not a valid XML-RPC call: " + shortened(e));
    }
    String method = parser.getMethodName();
    List<?> params = parser.getParams();
    if (method == null) {
      throw fault(FaultCode.BAD_ARGUMENT, "request: no methodName");
    }
    // not List.copyOf: a parameter may in principle be null, and that is the handler's to refuse
    List<Object> copy =
        params == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(params));
    return new ParsedRequest(requestConfig, method, copy);
  }

  private XMLReader newReader() throws XmlRpcException {
    try {
      synchronized (parsers) {
        return parsers.newSAXParser().getXMLReader();
      }
    } catch (ParserConfigurationException | SAXException e) {
      throw new XmlRpcException(FaultCode.INTERNAL.code(), "cannot create an XML parser", e);
    }
  }

  private void writeFault(ByteArrayOutputStream out, int code, String message) {
    try {
      getXmlRpcWriter(requestConfig, out).write(requestConfig, code, message);
    } catch (SAXException | XmlRpcException e) {
      throw new IllegalStateException("cannot write an XML-RPC fault", e);
    }
  }

  /** Faults raised before a handler runs, in the same form as the handlers' own. */
  static XmlRpcException fault(FaultCode code, String detail) {
    ProtocolException fault = new ProtocolException(code, detail);
    return new XmlRpcException(code.code(), fault.getMessage());
  }

  private static RequestTooLargeException tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RequestTooLargeException tooLarge) {
        return tooLarge;
      }
      if (t instanceof SAXException sax
          && sax.getException() instanceof RequestTooLargeException r) {
        return r;
      }
    }
    return null;
  }

  private static String shortened(SAXException e) {
    // ProtocolException ends the detail with its own full stop
    String message = String.valueOf(e.getMessage()).replaceAll("[.\\s]+$", "");
    return message.length() > MAX_PARSER_MESSAGE
        ? message.substring(0, MAX_PARSER_MESSAGE) + "..."
        : message;
  }

  private static SAXParserFactory hardenedParsers() {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setValidating(false);
    try {
      // a request has no business declaring a DOCTYPE: refusing it stops XXE and entity bombs
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException | SAXException e) {
      // never serve with a parser we could not harden
      throw new IllegalStateException("the XML parser cannot be made to refuse DOCTYPEs", e);
    }
    return factory;
  }

  /** A parsed call. */
  private record ParsedRequest(XmlRpcRequestConfig config, String method, List<?> params)
      implements XmlRpcRequest {

    @Override
    public XmlRpcRequestConfig getConfig() {
      return config;
    }

    @Override
    public String getMethodName() {
      return method;
    }

    @Override
    public int getParameterCount() {
      return params.size();
    }

    @Override
    public Object getParameter(int index) {
      return params.get(index);
    }
  }
}
