package io.branchsync.shop.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import io.branchsync.protocol.chunk.ChunkCodec;
import io.branchsync.schema.chunk.SqlDialect;
import io.branchsync.schema.policy.PolicySet;
import io.branchsync.schema.policy.PolicySetLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ChunkValidatorTest {

  private final PolicySet retail = PolicySetLoader.load("retail");
  private final ChunkValidator postgres =
      new ChunkValidator(
          SqlDialect.POSTGRESQL,
          retail,
          Set.of("parameter", "product", "service", "person"),
          1 << 20);

  private static final String UPSERT =
      "INSERT INTO \"product\" (\"id\", \"sku\") VALUES (1, 'A') "
          + "ON CONFLICT (\"id\") DO UPDATE SET \"sku\" = EXCLUDED.\"sku\";\n";

  @Test
  void aChunkOfUpsertsAndDeletesOfAllowedTablesPasses() {
    int statements =
        postgres.validate(
            ChunkCodec.encode(
                "-- catalog\n" + UPSERT + "DELETE FROM \"product\" WHERE \"id\" IN (2, 3);\n"));
    assertEquals(2, statements);
  }

  @Test
  void aTableThePolicyKeepsFromTheOfficeIsRefusedWithItsLineAndPolicy() {
    ProtocolException e =
        assertThrows(
            ProtocolException.class,
            () -> postgres.validate(ChunkCodec.encode(UPSERT + UPSERT.replace("product", "sale"))));
    assertEquals(FaultCode.TABLE_NOT_ALLOWED, e.code());
    assertTrue(e.detail().startsWith("line 2: table sale is FromTarget"), e.detail());
  }

  @Test
  void aStatementOutsideTheGrammarIsASyntaxFault() {
    ProtocolException e =
        assertThrows(
            ProtocolException.class,
            () -> postgres.validate(ChunkCodec.encode(UPSERT + "TRUNCATE product;\n")));
    assertEquals(FaultCode.SQL_SYNTAX, e.code());
    assertTrue(e.detail().contains("line 2"), e.detail());
  }

  @Test
  void plainTextIsNotGzip() {
    ProtocolException e =
        assertThrows(
            ProtocolException.class,
            () -> postgres.validate(UPSERT.getBytes(StandardCharsets.UTF_8)));
    assertEquals(FaultCode.CHUNK_NOT_GZIP, e.code());
  }

  @Test
  void aChunkInflatingBeyondTheLimitIsRefusedWithoutInflatingIt() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    byte[] spaces = new byte[1 << 16];
    Arrays.fill(spaces, (byte) ' ');
    try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
      for (int i = 0; i < 64; i++) {
        gzip.write(spaces);
      }
    }
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> postgres.validate(bomb.toByteArray()));
    assertEquals(FaultCode.CHUNK_TOO_LARGE, e.code());
  }

  @Test
  void textThatIsNotUtf8IsRefused() throws Exception {
    ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(latin1)) {
      gzip.write("-- caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> postgres.validate(latin1.toByteArray()));
    assertEquals(FaultCode.CHUNK_NOT_UTF8, e.code());
  }

  @Test
  void mysqlChunksMayNotCarryCopy() {
    ChunkValidator mysql = new ChunkValidator(SqlDialect.MYSQL, retail, Set.of("product"), 1 << 20);
    ProtocolException e =
        assertThrows(
            ProtocolException.class,
            () -> mysql.validate(ChunkCodec.encode("COPY product (id) FROM stdin;\n1\n\\.\n")));
    assertEquals(FaultCode.SQL_SYNTAX, e.code());
  }
}
