package io.branchsync.office.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A loopback HTTP endpoint that behaves like a shop gone wrong, one behaviour per connection:
 * silent, dripping, cutting its reply, answering with something that is not XML-RPC, or never
 * reading the request at all.
 */
final class MisbehavingShop implements AutoCloseable {
  /** A well-formed {@code info} reply of a shop that is branch 1. */
  static final String INFO_REPLY =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodResponse>"
          + "<params><param><value><struct>"
          + "<member><name>branch</name><value><i4>1</i4></value></member>"
          + "<member><name>dialect</name><value><string>postgresql</string></value></member>"
          + "<member><name>protocol</name><value><i4>1</i4></value></member>"
          + "<member><name>schema_version</name><value><string>1</string></value></member>"
          + "<member><name>pending</name><value><i4>0</i4></value></member>"
          + "</struct></value></param></params></methodResponse>";

  /** What the endpoint does with one connection. */
  interface Behaviour {
    void serve(Socket socket) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "misbehaving-shop");
            t.setDaemon(true);
            return t;
          });
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  MisbehavingShop(IntFunction<Behaviour> byConnection) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(() -> accept(byConnection));
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/RPC2");
  }

  /** How many connections the office opened. */
  int connections() {
    return connections.get();
  }

  private void accept(IntFunction<Behaviour> byConnection) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        Behaviour behaviour = byConnection.apply(connections.incrementAndGet());
        threads.execute(
            () -> {
              try (socket) {
                behaviour.serve(socket);
              } catch (IOException | InterruptedException e) {
                // the office hung up or the test is over
              }
            });
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Reads the request, then says nothing until the office gives up. */
  static Behaviour silent() {
    return socket -> {
      readRequest(socket);
      waitForHangUp(socket);
    };
  }

  /** Accepts the connection and never reads: a large request fills the buffers and blocks. */
  static Behaviour deaf() {
    return socket -> Thread.sleep(Long.MAX_VALUE);
  }

  /** Promises the whole reply, then sends one byte of it every {@code everyMs}. */
  static Behaviour dripping(String reply, long everyMs) {
    return socket -> {
      readRequest(socket);
      byte[] body = reply.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(headers(body.length));
      for (byte b : body) {
        out.write(b);
        out.flush();
        Thread.sleep(everyMs);
      }
    };
  }

  /** Promises the whole reply, sends its first {@code kept} bytes and closes the connection. */
  static Behaviour cutting(String reply, int kept) {
    return socket -> {
      readRequest(socket);
      byte[] body = reply.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(headers(body.length));
      out.write(body, 0, kept);
      out.flush();
    };
  }

  /** Sends {@code reply} whole, with its true length, whatever it contains. */
  static Behaviour answering(String reply) {
    return answering(reply, new CopyOnWriteArrayList<>());
  }

  /** Sends {@code reply} whole and closes the connection, keeping the request body. */
  static Behaviour answeringOnce(String reply, List<String> requests) {
    return socket -> {
      requests.add(readRequest(socket));
      byte[] body = reply.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nConnection: close\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    };
  }

  /** Like {@link #silent()}, keeping the request body. */
  static Behaviour silent(List<String> requests) {
    return socket -> {
      requests.add(readRequest(socket));
      waitForHangUp(socket);
    };
  }

  /** Like {@link #answering(String)}, keeping the request body. */
  static Behaviour answering(String reply, List<String> requests) {
    return socket -> {
      requests.add(readRequest(socket));
      byte[] body = reply.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(headers(body.length));
      out.write(body);
      out.flush();
      waitForHangUp(socket);
    };
  }

  private static byte[] headers(int length) {
    return ("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads headers and a Content-Length body, enough for the office to start waiting. */
  private static String readRequest(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("request ended early");
      }
      head.append((char) b);
    }
    long length =
        head.toString()
            .lines()
            .filter(line -> line.toLowerCase().startsWith("content-length:"))
            .mapToLong(line -> Long.parseLong(line.substring(15).trim()))
            .findFirst()
            .orElse(0);
    return new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
  }

  private static void waitForHangUp(Socket socket) throws IOException {
    while (socket.getInputStream().read() >= 0) {
      // a keep-alive connection stays open until the office closes it
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
    threads.shutdownNow();
  }
}
