package io.branchsync.shop.internal.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what a client gets for opening connections and sending nothing useful (slowloris): a new
 * connection must deliver its first request's headers, TLS handshake included, within the header
 * timeout or it is closed; and one address may hold at most so many such connections, the oldest
 * being closed when another opens. The oldest goes, not the newest, so a flood from an address the
 * office shares cannot keep the office's fresh connection out.
 *
 * <p>Once a request's headers have arrived the connection leaves this guard: unauthenticated
 * requests are answered and the connection closed, and authenticated ones are bounded by the idle
 * timeout.
 */
final class ConnectionGuard implements Connection.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

  private final long headerTimeoutMillis;
  private final int perAddress;
  private final ScheduledExecutorService timer;
  // connections still waiting for their first request's headers, by client IP, oldest first
  private final Map<String, Deque<Waiting>> waiting = new HashMap<>();
  // the same, by the client's IP and port, which names one TCP connection
  private final Map<SocketAddress, Waiting> byRemote = new HashMap<>();

  ConnectionGuard(long headerTimeoutMillis, int perAddress, ScheduledExecutorService timer) {
    this.headerTimeoutMillis = headerTimeoutMillis;
    this.perAddress = perAddress;
    this.timer = timer;
  }

  @Override
  public void onOpened(Connection connection) {
    EndPoint endPoint = connection.getEndPoint();
    // over TLS the HTTP connection sits on the decrypting end point: count only the network one
    if (!(endPoint instanceof SocketChannelEndPoint)
        || !(endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote)) {
      return;
    }
    Waiting entry = new Waiting(endPoint, remote, ip(remote), new AtomicReference<>());
    Waiting evicted = null;
    synchronized (this) {
      Deque<Waiting> line = waiting.computeIfAbsent(entry.ip, k -> new ArrayDeque<>());
      line.add(entry);
      byRemote.put(remote, entry);
      if (line.size() > perAddress) {
        evicted = line.poll();
        byRemote.remove(evicted.remote);
      }
    }
    if (evicted != null) {
      LOG.debug("Closing the oldest waiting connection of {}: over {}", entry.ip, perAddress);
      evicted.endPoint.close();
    }
    // cancelled once the request arrives, so a busy shop's timer queue holds only the waiting
    entry
        .expiry()
        .set(timer.schedule(() -> expire(entry), headerTimeoutMillis, TimeUnit.MILLISECONDS));
  }

  @Override
  public void onClosed(Connection connection) {
    EndPoint endPoint = connection.getEndPoint();
    if (endPoint instanceof SocketChannelEndPoint
        && endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote) {
      forget(remote);
    }
  }

  /**
   * Called when a request's headers have arrived: its connection is no longer waiting.
   *
   * @param remote the client's IP and port
   */
  void requestArrived(SocketAddress remote) {
    forget(remote);
  }

  private void expire(Waiting entry) {
    boolean stillWaiting;
    synchronized (this) {
      stillWaiting = byRemote.get(entry.remote) == entry;
    }
    if (stillWaiting) {
      forget(entry.remote);
      LOG.debug("Closing a connection of {} that sent no request in time", entry.ip);
      entry.endPoint.close();
    }
  }

  private synchronized void forget(SocketAddress remote) {
    Waiting entry = byRemote.remove(remote);
    if (entry == null) {
      return;
    }
    ScheduledFuture<?> expiry = entry.expiry().get();
    if (expiry != null) {
      expiry.cancel(false);
    }
    Deque<Waiting> line = waiting.get(entry.ip);
    if (line != null) {
      line.remove(entry);
      if (line.isEmpty()) {
        waiting.remove(entry.ip);
      }
    }
  }

  private static String ip(InetSocketAddress remote) {
    return remote.getAddress() == null
        ? remote.getHostString()
        : remote.getAddress().getHostAddress();
  }

  private record Waiting(
      EndPoint endPoint,
      InetSocketAddress remote,
      String ip,
      AtomicReference<ScheduledFuture<?>> expiry) {}
}
