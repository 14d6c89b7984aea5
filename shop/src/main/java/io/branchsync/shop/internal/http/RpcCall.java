package io.branchsync.shop.internal.http;

import io.branchsync.shop.internal.rpc.RequestTooLargeException;
import io.branchsync.shop.internal.rpc.XmlRpcCodec;
import io.branchsync.shop.internal.session.OfficeLease;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Serves one authenticated request: only {@code POST /RPC2}, its body bounded while it is read and
 * handed to the XML-RPC codec. Calls whose body may be large (over {@value #LIGHT_BODY_BYTES}
 * bytes, or of unknown length) run one at a time: each may hold its body decoded and a chunk
 * inflated in memory, and the documented heap holds one such call, not several, beside the small
 * ones ({@code info}, {@code diff}, {@code sql_finish}) that always go straight through.
 */
final class RpcCall {

  /** The one path of the contract. */
  static final String PATH = "/RPC2";

  /** MDC key of the branch number on log lines. */
  static final String MDC_BRANCH = "branch";

  // Small enough that no chunk it carries can inflate to much (deflate compresses at most ~1000:1)
  static final long LIGHT_BODY_BYTES = 16 << 10;

  private static final Logger LOG = LoggerFactory.getLogger(RpcCall.class);

  private final String branch;
  private final XmlRpcCodec codec;
  private final long maxRequestBytes;
  private final Semaphore heavy = new Semaphore(1, true);
  private final OfficeLease lease;
  private final AtomicInteger active = new AtomicInteger();

  RpcCall(int branch, XmlRpcCodec codec, long maxRequestBytes, OfficeLease lease) {
    this.branch = Integer.toString(branch);
    this.codec = codec;
    this.maxRequestBytes = maxRequestBytes;
    this.lease = lease;
  }

  void serve(Request request, Response response, Callback callback) {
    active.incrementAndGet();
    MDC.put(MDC_BRANCH, branch);
    try {
      route(request, response, callback);
    } catch (StackOverflowError | RuntimeException e) {
      LOG.error("Unexpected failure while handling a request", e);
      PlainReplies.send(response, callback, 500, "internal error; see the shop's log");
    } catch (OutOfMemoryError e) {
      // logged in the shop's format; the call's memory is free again once this returns
      LOG.error("Out of memory while handling a request; lower limit.request.bytes", e);
      PlainReplies.send(response, callback, 503, "the shop is short of memory; try again");
    } finally {
      MDC.remove(MDC_BRANCH);
      active.decrementAndGet();
    }
  }

  private void route(Request request, Response response, Callback callback) {
    if (!PATH.equals(request.getHttpURI().getPath())) {
      PlainReplies.send(response, callback, 404, "not found; XML-RPC is served at " + PATH);
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      response.getHeaders().put(HttpHeader.ALLOW, "POST");
      PlainReplies.send(response, callback, 405, "method not allowed; use POST");
      return;
    }
    long length = request.getLength();
    if (length > maxRequestBytes) {
      tooLarge(response, callback);
      return;
    }
    boolean isHeavy = length < 0 || length > LIGHT_BODY_BYTES;
    if (isHeavy) {
      heavy.acquireUninterruptibly();
      // a chunk arriving over a slow link is no idle session; light calls (info, diff) are not
      // counted, so they never keep a dead run's session and its row locks alive
      lease.callStarted();
    }
    byte[] reply;
    try {
      reply =
          codec.process(new BoundedInputStream(Request.asInputStream(request), maxRequestBytes));
    } catch (RequestTooLargeException e) {
      tooLarge(response, callback);
      return;
    } catch (IOException e) {
      // the client went away or stopped sending; there is nobody left to answer
      LOG.debug(
          "Reading a request from {} failed: {}", Request.getRemoteAddr(request), e.toString());
      callback.failed(e);
      return;
    } finally {
      if (isHeavy) {
        lease.callEnded();
        heavy.release();
      }
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/xml; charset=UTF-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.length);
    response.write(true, ByteBuffer.wrap(reply), callback);
  }

  private void tooLarge(Response response, Callback callback) {
    LOG.warn("Refused a request body over {} bytes (limit.request.bytes)", maxRequestBytes);
    PlainReplies.send(
        response, callback, 413, "request body exceeds " + maxRequestBytes + " bytes");
  }

  /**
   * Waits until no request is being served, so that replies already computed reach the caller.
   *
   * @param millis how long to wait at most
   * @return true if idle in time
   */
  boolean awaitIdle(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (active.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
