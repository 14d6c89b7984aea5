package io.branchsync.protocol.message;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Typed, named access to one received XML-RPC value, failing with a {@link ProtocolException} that
 * names the field. {@code what} is the method whose argument or result is read; it prefixes field
 * names so a detail reads {@code info.dialect: ...}.
 */
final class WireFields {

  private final Map<?, ?> struct;
  private final String what;
  private final FaultCode code;

  private WireFields(Map<?, ?> struct, String what, FaultCode code) {
    this.struct = struct;
    this.what = what;
    this.code = code;
  }

  /** Reads {@code wire} as a struct, or fails naming {@code what}. */
  static WireFields struct(Object wire, String what, FaultCode code) {
    if (!(wire instanceof Map<?, ?> map)) {
      throw new ProtocolException(code, what + ": must be a struct, got " + typeOf(wire));
    }
    return new WireFields(map, what, code);
  }

  int requireInt(String key) {
    return require(key, Integer.class, "int");
  }

  boolean requireBoolean(String key) {
    return require(key, Boolean.class, "boolean");
  }

  String requireString(String key) {
    return require(key, String.class, "string");
  }

  byte[] requireBytes(String key) {
    return require(key, byte[].class, "base64");
  }

  private <T> T require(String key, Class<T> type, String wireType) {
    Object value = struct.get(key);
    if (value == null) {
      throw new ProtocolException(code, what + "." + key + ": missing");
    }
    if (!type.isInstance(value)) {
      throw new ProtocolException(
          code, what + "." + key + ": must be " + wireType + ", got " + typeOf(value));
    }
    return type.cast(value);
  }

  /**
   * Runs a record constructor on received values, turning its {@link IllegalArgumentException}
   * (whose message starts with the field name) into a {@link ProtocolException}.
   */
  static <T> T build(String what, FaultCode code, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(code, what + "." + e.getMessage(), e);
    }
  }

  /** The XML-RPC name of a received value's type, for messages a person reads. */
  static String typeOf(Object value) {
    if (value == null) {
      return "nothing";
    } else if (value instanceof Integer) {
      return "int";
    } else if (value instanceof String) {
      return "string";
    } else if (value instanceof Boolean) {
      return "boolean";
    } else if (value instanceof byte[]) {
      return "base64";
    } else if (value instanceof Map) {
      return "struct";
    } else if (value instanceof Object[]) {
      return "array";
    } else if (value instanceof Double) {
      return "double";
    }
    return value.getClass().getSimpleName();
  }

  /** Narrows a non-negative count to an XML-RPC i4, saturating instead of overflowing. */
  static int saturatedInt(long count) {
    return (int) Math.min(count, Integer.MAX_VALUE);
  }

  /** The exception a record constructor throws; its message starts with the wire field name. */
  static IllegalArgumentException invalid(String field, String problem) {
    return new IllegalArgumentException(field + ": " + problem);
  }
}
