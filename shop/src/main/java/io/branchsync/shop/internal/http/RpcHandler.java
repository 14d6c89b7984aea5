package io.branchsync.shop.internal.http;

import io.branchsync.shop.internal.auth.BranchAuthenticator;
import io.branchsync.shop.internal.auth.BranchAuthenticator.Verdict;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives every request once its headers have arrived and decides from them alone whether to let
 * it in: no byte of the body is read for a client without this branch's credentials. Waiting for a
 * slow credential check or a delayed refusal holds no thread; an accepted call is handed to the
 * {@link RpcCall}, which reads the body and answers.
 */
final class RpcHandler extends Handler.Abstract {

  private static final Logger LOG = LoggerFactory.getLogger(RpcHandler.class);
  private static final String CHALLENGE = "Basic realm=\"branchsync\"";
  // the client may try again once the address's waiting checks have been answered
  private static final String RETRY_AFTER_SECONDS = "10";

  private final BranchAuthenticator authenticator;
  private final ConnectionGuard guard;
  private final RpcCall call;
  private final Executor workers;

  RpcHandler(
      BranchAuthenticator authenticator, ConnectionGuard guard, RpcCall call, Executor workers) {
    this.authenticator = authenticator;
    this.guard = guard;
    this.call = call;
    this.workers = workers;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    guard.requestArrived(request.getConnectionMetaData().getRemoteSocketAddress());
    CompletableFuture<Verdict> verdict =
        authenticator
            .authenticate(
                request.getHeaders().get(HttpHeader.AUTHORIZATION), Request.getRemoteAddr(request))
            .toCompletableFuture();
    if (verdict.isDone()) {
      // remembered or missing credentials: decided on this thread, which may block to serve
      answer(verdict.join(), request, response, callback);
    } else {
      verdict.whenComplete(
          (v, failure) ->
              workers.execute(
                  () -> {
                    if (failure == null) {
                      answer(v, request, response, callback);
                    } else {
                      LOG.error("Checking credentials failed", failure);
                      PlainReplies.send(
                          response, callback, 500, "internal error; see the shop's log");
                    }
                  }));
    }
    return true;
  }

  private void answer(Verdict verdict, Request request, Response response, Callback callback) {
    switch (verdict) {
      case ACCEPTED -> call.serve(request, response, callback);
      case MISSING, REFUSED -> {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, CHALLENGE);
        // the user name is not told: it is no secret, but nobody without the secret needs it
        PlainReplies.send(response, callback, 401, "authentication required: HTTP Basic");
      }
      case BUSY -> {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        PlainReplies.send(
            response, callback, 429, "too many credential checks waiting from your address");
      }
    }
  }
}
