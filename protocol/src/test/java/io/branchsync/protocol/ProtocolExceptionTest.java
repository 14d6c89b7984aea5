package io.branchsync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ProtocolExceptionTest {

  @Test
  void carriesCodeAndDetail() {
    ProtocolException e = new ProtocolException(FaultCode.BAD_CURSOR, "diff.since: unknown 'x'");
    assertEquals(FaultCode.BAD_CURSOR, e.code());
    assertEquals("diff.since: unknown 'x'", e.detail());
  }

  @Test
  void messageNamesCodeNumberDetailAndWhatToDo() {
    ProtocolException e = new ProtocolException(FaultCode.SQL_SYNTAX, "statement 3");
    assertTrue(e.getMessage().contains("SQL_SYNTAX"));
    assertTrue(e.getMessage().contains("1300"));
    assertTrue(e.getMessage().contains("statement 3"));
    assertTrue(e.getMessage().contains(FaultCode.SQL_SYNTAX.defaultMessage()));
  }

  @Test
  void keepsCause() {
    IOException cause = new IOException("x");
    assertSame(cause, new ProtocolException(FaultCode.INTERNAL, "d", cause).getCause());
  }

  @Test
  void refusesMissingCodeOrDetail() {
    assertThrows(NullPointerException.class, () -> new ProtocolException(null, "d"));
    assertThrows(NullPointerException.class, () -> new ProtocolException(FaultCode.INTERNAL, null));
  }
}
