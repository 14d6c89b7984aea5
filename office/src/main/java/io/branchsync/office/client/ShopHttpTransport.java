package io.branchsync.office.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcHttpTransport;
import org.apache.xmlrpc.client.XmlRpcHttpTransportException;
import org.apache.xmlrpc.common.XmlRpcStreamRequestConfig;
import org.xml.sax.SAXException;

/**
 * The XML-RPC transport of one call over {@link ShopExchange}. The whole reply is in memory before
 * the XML parser sees it: a reply cut short fails here as a transport error, so the parser only
 * ever reports replies that arrived whole and are still not XML-RPC.
 */
final class ShopHttpTransport extends XmlRpcHttpTransport {
  /** Headers the HTTP client sets itself and refuses from callers. */
  private static final Set<String> CLIENT_HEADERS =
      Set.of("content-length", "connection", "host", "expect", "upgrade");

  private static final int SHOWN_ERROR_CHARS = 200;

  private final ShopExchange exchange;
  private final URI url;
  private final HttpRequest.Builder request;
  private final RequestBody body = new RequestBody();
  private HttpResponse<byte[]> reply;

  ShopHttpTransport(XmlRpcClient client, ShopExchange exchange, URI url) {
    super(client, USER_AGENT + " (BranchSync office)");
    this.exchange = exchange;
    this.url = url;
    this.request = HttpRequest.newBuilder(url);
  }

  @Override
  protected void setRequestHeader(String header, String value) {
    if (!CLIENT_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
      request.setHeader(header, value);
    }
  }

  @Override
  protected void writeRequest(ReqWriter writer) throws XmlRpcException, IOException, SAXException {
    writer.write(body);
  }

  @Override
  protected InputStream getInputStream() throws XmlRpcException {
    reply = exchange.send(request.POST(body.publisher()).build());
    int status = reply.statusCode();
    if (status < 200 || status > 299) {
      throw new XmlRpcHttpTransportException(status, errorText(reply.body()));
    }
    return new ByteArrayInputStream(reply.body());
  }

  @Override
  protected boolean isResponseGzipCompressed(XmlRpcStreamRequestConfig config) {
    return reply != null
        && reply
            .headers()
            .firstValue("Content-Encoding")
            .filter(encoding -> encoding.equalsIgnoreCase("gzip"))
            .isPresent();
  }

  @Override
  protected void close() {
    // nothing held: the reply is read whole and the connection goes back to the client's pool
  }

  /** The first line of an error page, which is what our shops put there for people to read. */
  private static String errorText(byte[] page) {
    String text = new String(page, StandardCharsets.UTF_8).strip();
    int end = text.indexOf('\n');
    text = end < 0 ? text : text.substring(0, end).strip();
    return text.length() > SHOWN_ERROR_CHARS ? text.substring(0, SHOWN_ERROR_CHARS) + "…" : text;
  }

  /** The request as written, published without a second copy of a chunk several MiB long. */
  private static final class RequestBody extends ByteArrayOutputStream {
    HttpRequest.BodyPublisher publisher() {
      return HttpRequest.BodyPublishers.ofByteArray(buf, 0, count);
    }
  }
}
