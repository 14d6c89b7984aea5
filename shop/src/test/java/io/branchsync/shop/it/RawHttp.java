package io.branchsync.shop.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket bound to a chosen loopback address (127.0.0.2 and so on are all this
 * machine on Linux), for tests that play several clients or send what no client library would: a
 * request cut short, a stalled one.
 */
final class RawHttp {

  private RawHttp() {}

  static Socket connect(String localAddress, URI url) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(localAddress, 0));
    socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
    return socket;
  }

  /** Sends one POST with the given Authorization and reads the status code of the answer. */
  static int post(String localAddress, URI url, String authorization, String body)
      throws IOException {
    try (Socket socket = connect(localAddress, url)) {
      socket.setSoTimeout(60_000);
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      String head =
          "POST "
              + url.getPath()
              + " HTTP/1.1\r\nHost: "
              + url.getHost()
              + "\r\nContent-Type: text/xml\r\nContent-Length: "
              + content.length
              + "\r\nAuthorization: "
              + authorization
              + "\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      return status(readAll(socket.getInputStream()));
    }
  }

  static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  static int status(String response) {
    // "HTTP/1.1 401 Unauthorized"
    return response.length() < 12 ? -1 : Integer.parseInt(response.substring(9, 12));
  }

  /**
   * Waits until the server closes the connection.
   *
   * @return true if it closed (end of stream or reset) before the deadline
   */
  static boolean awaitClosed(Socket socket, long deadlineNanos) throws IOException {
    byte[] buffer = new byte[1024];
    while (System.nanoTime() < deadlineNanos) {
      long left = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
      socket.setSoTimeout((int) Math.min(left, 1_000));
      try {
        if (socket.getInputStream().read(buffer) < 0) {
          return true;
        }
      } catch (SocketTimeoutException e) {
        // still open; keep waiting
      } catch (IOException e) {
        return true;
      }
    }
    return false;
  }
}
