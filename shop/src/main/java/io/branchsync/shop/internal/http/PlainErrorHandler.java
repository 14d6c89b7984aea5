package io.branchsync.shop.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the server's own errors (a malformed request line or header, headers too large) with the
 * status and its standard reason only: no exception names, messages or stacks, which tell a prober
 * what runs here and nothing to an honest client.
 */
final class PlainErrorHandler extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    PlainReplies.send(response, callback, code, reason(code));
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=UTF-8");
    return ByteBuffer.wrap((reason(status) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static String reason(int code) {
    String reason = HttpStatus.getMessage(code);
    return code + " " + (reason == null ? "error" : reason);
  }
}
