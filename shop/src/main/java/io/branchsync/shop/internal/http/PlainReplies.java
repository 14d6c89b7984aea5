package io.branchsync.shop.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Short plain-text answers that end the connection: refusals and errors. */
final class PlainReplies {

  private PlainReplies() {}

  /**
   * Sends the status and one line of text, and closes the connection after it.
   *
   * @param response the response, not yet committed
   * @param callback completed when the answer is written
   * @param status the HTTP status
   * @param text what to tell the client; never anything it did not send or need
   */
  static void send(Response response, Callback callback, int status, String text) {
    byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=UTF-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    // the request body was not read, or not all of it: the connection cannot carry another request
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
