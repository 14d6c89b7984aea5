package io.branchsync.shop.internal.rpc;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.Method;
import io.branchsync.protocol.ProtocolException;
import io.branchsync.protocol.message.DiffRequest;
import io.branchsync.protocol.message.IdStart;
import io.branchsync.protocol.message.SessionId;
import io.branchsync.protocol.message.SessionToken;
import io.branchsync.shop.internal.service.Faults;
import io.branchsync.shop.internal.service.ShopService;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.XmlRpcHandler;
import org.apache.xmlrpc.XmlRpcRequest;
import org.apache.xmlrpc.server.XmlRpcHandlerMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Dispatches the seven methods of the contract to {@link ShopService}: checks the number and shape
 * of the arguments, converts them to the protocol records, and is the one place where an error
 * becomes an XML-RPC fault with our code and a message a person can act on. Unexpected errors are
 * logged here, with the session id, and answered with a generic {@link FaultCode#INTERNAL}.
 */
public final class ShopHandlerMapping implements XmlRpcHandlerMapping {

  /** MDC key of the session id on log lines. */
  public static final String MDC_SID = "sid";

  private static final Logger LOG = LoggerFactory.getLogger(ShopHandlerMapping.class);
  private static final String KNOWN =
      Arrays.stream(Method.values()).map(Method::wireName).collect(Collectors.joining(", "));

  private final ShopService service;

  /**
   * Creates the mapping.
   *
   * @param service the methods' implementation
   */
  public ShopHandlerMapping(ShopService service) {
    this.service = service;
  }

  @Override
  public XmlRpcHandler getHandler(String name) throws XmlRpcException {
    Method method =
        Method.fromWireName(name)
            .orElseThrow(
                () ->
                    XmlRpcCodec.fault(
                        FaultCode.BAD_ARGUMENT,
                        "method '"
                            + printable(name)
                            + "' is not part of the contract ("
                            + KNOWN
                            + ")"));
    return request -> invoke(method, request);
  }

  private Object invoke(Method method, XmlRpcRequest request) throws XmlRpcException {
    long started = System.nanoTime();
    try {
      Object result = dispatch(method, request);
      LOG.debug(
          "{} answered in {} ms", method.wireName(), (System.nanoTime() - started) / 1_000_000);
      return result;
    } catch (Exception e) {
      ProtocolException fault = Faults.toProtocol(e);
      if (Faults.isInternal(fault)) {
        LOG.error("{} failed unexpectedly", method.wireName(), e);
      } else {
        LOG.warn("{} refused: {}", method.wireName(), fault.getMessage());
      }
      throw new XmlRpcException(fault.code().code(), fault.getMessage());
    } finally {
      MDC.remove(MDC_SID);
    }
  }

  private Object dispatch(Method method, XmlRpcRequest request) throws Exception {
    return switch (method) {
      case INFO -> {
        arguments(method, request, 0);
        yield service.info().toWire();
      }
      case CLEAN -> {
        arguments(method, request, 0);
        yield service.clean();
      }
      case SQL_PREPARE -> {
        SessionId sid = prepare(request);
        MDC.put(MDC_SID, Integer.toString(sid.value()));
        yield sid.toWire();
      }
      case SQL_CREATE -> {
        arguments(method, request, 2);
        yield service.create(session(request), chunk(request.getParameter(1)));
      }
      case SQL_FINISH -> {
        arguments(method, request, 1);
        yield service.finish(session(request)).toWire();
      }
      case SET_ID_START -> {
        arguments(method, request, 1);
        yield service.setIdStart(IdStart.fromWire(request.getParameter(0)));
      }
      case DIFF -> {
        arguments(method, request, 1);
        yield service.diff(DiffRequest.fromWire(request.getParameter(0))).toWire();
      }
    };
  }

  /** Without an argument as the contract first had it; with a token, repeatable. */
  private SessionId prepare(XmlRpcRequest request) throws Exception {
    return switch (request.getParameterCount()) {
      case 0 -> service.prepare();
      case 1 -> service.prepare(SessionToken.fromWire(request.getParameter(0)));
      default ->
          throw new ProtocolException(
              FaultCode.BAD_ARGUMENT,
              "sql_prepare: takes no argument or a token, got " + request.getParameterCount());
    };
  }

  private static SessionId session(XmlRpcRequest request) {
    SessionId sid = SessionId.fromWire(request.getParameter(0));
    MDC.put(MDC_SID, Integer.toString(sid.value()));
    return sid;
  }

  private static byte[] chunk(Object wire) {
    if (wire instanceof byte[] bytes) {
      return bytes;
    }
    throw new ProtocolException(
        FaultCode.BAD_ARGUMENT,
        "sql_create.data: must be base64 (the gzip of the SQL text), got "
            + (wire == null ? "nothing" : wire.getClass().getSimpleName()));
  }

  private static void arguments(Method method, XmlRpcRequest request, int expected) {
    if (request.getParameterCount() != expected) {
      throw new ProtocolException(
          FaultCode.BAD_ARGUMENT,
          method.wireName()
              + ": takes "
              + expected
              + " argument"
              + (expected == 1 ? "" : "s")
              + ", got "
              + request.getParameterCount());
    }
  }

  private static String printable(String name) {
    String clean = String.valueOf(name).replaceAll("[^\\x20-\\x7e]", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
  }
}
