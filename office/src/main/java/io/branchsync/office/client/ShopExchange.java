package io.branchsync.office.client;

import io.branchsync.office.client.ShopTransportException.Stage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP request to a shop and its whole reply, bounded in time three ways: the connection
 * (client.connect.timeout.ms), silence from the shop (client.read.timeout.ms) and the whole call
 * (client.call.timeout.ms). The last is what stops a shop that drips a byte now and then: each byte
 * resets the silence clock, never the call's.
 *
 * <p>The exchange runs on the HTTP client's non-blocking threads and the caller waits for it; on a
 * timeout the caller cancels it, which closes the connection even in the middle of sending a large
 * request to a shop that stopped reading.
 */
final class ShopExchange {
  private final HttpClient http;
  private final ShopClientSettings settings;

  ShopExchange(HttpClient http, ShopClientSettings settings) {
    this.http = http;
    this.settings = settings;
  }

  /** The complete reply, whatever its status; any failure to get it is a transport failure. */
  HttpResponse<byte[]> send(HttpRequest request) throws ShopTransportException {
    long started = System.nanoTime();
    long deadline = started + TimeUnit.MILLISECONDS.toNanos(settings.callTimeoutMs());
    long silence = TimeUnit.MILLISECONDS.toNanos(settings.readTimeoutMs());
    ReplyProgress progress = new ReplyProgress(started);
    CompletableFuture<HttpResponse<byte[]>> reply =
        http.sendAsync(
            request,
            info -> {
              progress.headers(info.headers().firstValueAsLong("Content-Length").orElse(-1));
              return new CountingBodySubscriber(progress);
            });
    try {
      while (true) {
        long now = System.nanoTime();
        long silentUntil = progress.lastHeardNanos() + silence;
        if (now - deadline >= 0) {
          reply.cancel(true);
          throw new ShopTransportException(
              "no complete reply within "
                  + settings.callTimeoutMs()
                  + " ms (client.call.timeout.ms); "
                  + heard(progress),
              stage(progress),
              null);
        }
        if (now - silentUntil >= 0) {
          reply.cancel(true);
          throw new ShopTransportException(
              "no answer: the shop said nothing for "
                  + settings.readTimeoutMs()
                  + " ms (client.read.timeout.ms); "
                  + heard(progress),
              stage(progress),
              null);
        }
        try {
          return reply.get(Math.min(deadline - now, silentUntil - now), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stillWaiting) {
          // loop: either a deadline passed or the shop was heard from meanwhile
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CompletionException wrapped && wrapped.getCause() != null) {
        cause = wrapped.getCause();
      }
      throw failed(cause, progress);
    } catch (InterruptedException e) {
      reply.cancel(true);
      Thread.currentThread().interrupt();
      throw new ShopTransportException(
          "interrupted while waiting for the shop", stage(progress), e);
    }
  }

  private ShopTransportException failed(Throwable cause, ReplyProgress progress) {
    if (cause instanceof HttpConnectTimeoutException) {
      return new ShopTransportException(
          "no answer: no connection within "
              + settings.connectTimeoutMs()
              + " ms (client.connect.timeout.ms)",
          Stage.NOT_CONNECTED,
          cause);
    }
    if (cause instanceof ConnectException) {
      return new ShopTransportException(
          "no answer (" + describe(cause) + ")", Stage.NOT_CONNECTED, cause);
    }
    if (progress.headersArrived()) {
      // The connection closed before Content-Length bytes came: the reply is incomplete, not
      // wrong, and parsing what arrived would only report a broken XML document.
      return new ShopTransportException(
          "reply cut after "
              + progress.received()
              + ": the connection closed mid-reply ("
              + describe(cause)
              + ")",
          Stage.MID_REPLY,
          cause);
    }
    if (cause instanceof IOException) {
      return new ShopTransportException(
          "no answer: the connection closed before a reply (" + describe(cause) + ")",
          Stage.AWAITING_REPLY,
          cause);
    }
    return new ShopTransportException(
        "the HTTP client failed (" + describe(cause) + ")", stage(progress), cause);
  }

  private static Stage stage(ReplyProgress progress) {
    return progress.headersArrived() ? Stage.MID_REPLY : Stage.AWAITING_REPLY;
  }

  private static String heard(ReplyProgress progress) {
    return progress.headersArrived()
        ? progress.received() + " of the reply had arrived"
        : "no reply had begun";
  }

  private static String describe(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = cause.getMessage() != null ? cause.getMessage() : root.getMessage();
    return cause.getClass().getSimpleName() + (text == null ? "" : ": " + text);
  }
}
