package io.branchsync.office.client;

import io.branchsync.office.client.ShopTransportException.Stage;
import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.Method;
import io.branchsync.protocol.ProtocolException;
import io.branchsync.protocol.ProtocolVersion;
import io.branchsync.protocol.RejectedRow;
import io.branchsync.protocol.message.DiffRequest;
import io.branchsync.protocol.message.DiffResult;
import io.branchsync.protocol.message.FinishResult;
import io.branchsync.protocol.message.IdStart;
import io.branchsync.protocol.message.InfoResult;
import io.branchsync.protocol.message.SessionId;
import io.branchsync.protocol.message.SessionToken;
import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import javax.net.ssl.SSLException;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.apache.xmlrpc.client.XmlRpcClientException;
import org.apache.xmlrpc.client.XmlRpcHttpTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole wire contract, called over XML-RPC with the branch's Basic credentials. Network errors
 * (no connection, a silent shop, a call past its deadline, a reply cut short) are retried with
 * backoff; faults, refused credentials and replies that are not XML-RPC are not. Made by a {@link
 * ShopConnector}.
 */
public final class ShopClient {
  private static final Logger LOG = LoggerFactory.getLogger(ShopClient.class);
  private final XmlRpcClient client = new XmlRpcClient();
  private final URI url;
  private final ShopClientSettings settings;
  // set once a shop refused the token: it predates it, and the plain form is the one it knows
  private volatile boolean plainPrepare;

  ShopClient(
      URI url, String user, String password, ShopClientSettings settings, ShopExchange exchange) {
    this.url = url;
    this.settings = settings;
    XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
    try {
      config.setServerURL(url.toURL());
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new ShopCallException(
          ErrorCode.BAD_POLICY, "shop URL " + url + " is not valid", null, e);
    }
    config.setBasicUserName(user);
    config.setBasicPassword(password);
    config.setEnabledForExtensions(false);
    client.setConfig(config);
    // timeouts live in the transport: the library's own settings reach only some of its transports
    client.setTransportFactory(new ShopTransportFactory(client, exchange, url));
  }

  public URI url() {
    return url;
  }

  /**
   * Asks the shop what it is and checks it is the branch the office means: a URL pointing at
   * another branch's shop must not receive this one's changes.
   *
   * @param branchId the branch the office registered at this URL
   * @return what the shop said
   */
  public InfoResult infoOfBranch(int branchId) {
    InfoResult info = info();
    if (info.branch() != branchId) {
      throw new SyncException(
          ErrorCode.BAD_POLICY,
          "the shop at " + url + " says it is branch " + info.branch() + ", not " + branchId);
    }
    return info;
  }

  /** Asks the shop what it is; fails when it speaks another protocol version. */
  public InfoResult info() {
    return convert(
        () -> {
          InfoResult info = InfoResult.fromWire(call(Method.INFO));
          ProtocolVersion.requireCompatible(info.protocol());
          return info;
        });
  }

  public void clean() {
    call(Method.CLEAN);
  }

  /**
   * Opens a session under a token of its own, repeated after a network error like any other call:
   * the shop answers a repeated token with the session it already opened. A shop older than the
   * token refuses it as a bad argument; it gets the plain form, not repeated once it may have
   * opened a session.
   */
  public int prepare() {
    if (!plainPrepare) {
      try {
        return sessionId(call(Method.SQL_PREPARE, SessionToken.random().toWire()));
      } catch (ShopCallException e) {
        if (e.fault() != FaultCode.BAD_ARGUMENT) {
          throw e;
        }
        LOG.warn(
            "{} refused a sql_prepare token ({}); this shop predates it, so a lost reply"
                + " there fails the run",
            url,
            e.getMessage());
        plainPrepare = true;
      }
    }
    return sessionId(call(Method.SQL_PREPARE));
  }

  private int sessionId(Object wire) {
    return convert(() -> SessionId.fromWireResult(wire).value());
  }

  public void create(int sid, byte[] chunk) {
    call(Method.SQL_CREATE, sid, chunk);
  }

  public FinishResult finish(int sid) {
    return convert(() -> FinishResult.fromWire(call(Method.SQL_FINISH, sid)));
  }

  public void setIdStart(long first) {
    call(Method.SET_ID_START, new IdStart(first).toWire());
  }

  public DiffResult diff(String since) {
    return convert(() -> DiffResult.fromWire(call(Method.DIFF, new DiffRequest(since).toWire())));
  }

  private Object call(Method method, Object... params) {
    long backoff = settings.retryBackoffMs();
    for (int attempt = 0; ; attempt++) {
      try {
        return client.execute(method.wireName(), params);
      } catch (XmlRpcException e) {
        ShopCallException failure = classify(method, e);
        if (!worthRepeating(method, params.length, e, failure) || attempt >= settings.retries()) {
          throw failure;
        }
        LOG.warn(
            "{} {} failed ({}); retry {} of {} in {} ms",
            url,
            method.wireName(),
            failure.getMessage(),
            attempt + 1,
            settings.retries(),
            backoff);
        sleep(backoff);
        backoff *= 2;
      }
    }
  }

  /**
   * Only network failures are repeated, and only calls the shop treats as idempotent: a repeated
   * {@code sql_create} chunk is recognised and ignored, a repeated {@code sql_finish} returns the
   * first result, {@code diff} with the same cursor returns the same changes, and {@code info},
   * {@code clean} and {@code setidstart} leave the same state however often they run. A repeat that
   * arrives while the first attempt still runs at the shop waits for it on the session lock. {@code
   * sql_prepare} with a token returns the session already opened for that token. Without one it is
   * the exception: each call opens a session, and one whose reply was lost holds a slot of {@code
   * limit.sessions} until it expires idle, so it is repeated only when no connection was made.
   */
  private static boolean worthRepeating(
      Method method, int arguments, XmlRpcException e, ShopCallException failure) {
    if (failure.code() != ErrorCode.SHOP_UNREACHABLE) {
      return false;
    }
    boolean plainPrepare = method == Method.SQL_PREPARE && arguments == 0;
    return !plainPrepare
        || (e instanceof ShopTransportException t && t.stage() == Stage.NOT_CONNECTED);
  }

  private ShopCallException classify(Method method, XmlRpcException e) {
    String call = "shop " + url + " " + method.wireName() + ": ";
    if (e instanceof XmlRpcHttpTransportException http) {
      if (http.getStatusCode() == 401) {
        return new ShopCallException(
            ErrorCode.AUTH_FAILED,
            call + "credentials refused (HTTP 401); check the branch secret",
            null,
            e);
      }
      if (http.getStatusCode() == 429 || http.getStatusCode() == 503) {
        // the shop asks to come back (too many credential checks from this address, short of
        // memory): it did not carry the call out, so asking again after the backoff is safe
        return new ShopCallException(
            ErrorCode.SHOP_UNREACHABLE,
            call
                + "the shop asks to try"
                + " again (HTTP "
                + http.getStatusCode()
                + " "
                + http.getStatusMessage()
                + ")",
            null,
            e);
      }
      return new ShopCallException(
          ErrorCode.SHOP_FAULT,
          call + "HTTP " + http.getStatusCode() + " " + http.getStatusMessage(),
          null,
          e);
    }
    if (e instanceof ShopTransportException t && t.stage() == Stage.MID_REPLY) {
      // TLS may be how a cut shows itself; the handshake succeeded, so trust is not the issue
      return new ShopCallException(ErrorCode.SHOP_UNREACHABLE, call + e.getMessage(), null, e);
    }
    Throwable tls = causeOfType(e, SSLException.class);
    if (tls != null) {
      // A certificate the office does not trust will not become trusted by asking again.
      return new ShopCallException(
          ErrorCode.AUTH_FAILED,
          call
              + "TLS failed ("
              + tls.getMessage()
              + "); check tls.truststore and the shop's certificate",
          null,
          e);
    }
    if (e instanceof ShopTransportException) {
      return new ShopCallException(ErrorCode.SHOP_UNREACHABLE, call + e.getMessage(), null, e);
    }
    if (causeOfType(e, IOException.class) != null) {
      return new ShopCallException(
          ErrorCode.SHOP_UNREACHABLE, call + "no answer (" + rootMessage(e) + ")", null, e);
    }
    if (e instanceof XmlRpcClientException) {
      // The reply arrived whole (a cut one fails in the transport) and still is not XML-RPC:
      // something other than a shop answers there, and asking again will not change that.
      return new ShopCallException(
          ErrorCode.SHOP_FAULT,
          call
              + "the reply is not XML-RPC ("
              + rootMessage(e)
              + "); is the branch URL that of a BranchSync shop?",
          null,
          e);
    }
    FaultCode fault = FaultCode.lookup(e.code).orElse(null);
    String name = fault == null ? "fault " + e.code : fault.name() + " (" + e.code + ")";
    String message = RejectedRow.withoutLine(String.valueOf(e.getMessage()));
    // Our shops already start the fault text with its name and code; other servers may not.
    String text = message.startsWith(name) ? message : name + ": " + message;
    return new ShopCallException(
        ErrorCode.SHOP_FAULT, call + text, fault, RejectedRow.in(e.getMessage()).orElse(null), e);
  }

  private static Throwable causeOfType(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private <T> T convert(java.util.function.Supplier<T> reply) {
    try {
      return reply.get();
    } catch (ProtocolException e) {
      throw new ShopCallException(
          ErrorCode.SHOP_FAULT,
          "shop " + url + " sent a reply outside the contract: " + e.getMessage(),
          e.code(),
          e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ShopCallException(ErrorCode.SHOP_UNREACHABLE, "interrupted", null, e);
    }
  }
}
