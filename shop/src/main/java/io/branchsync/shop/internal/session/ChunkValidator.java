package io.branchsync.shop.internal.session;

import io.branchsync.protocol.FaultCode;
import io.branchsync.protocol.ProtocolException;
import io.branchsync.protocol.chunk.ChunkCodec;
import io.branchsync.schema.chunk.ChunkReader;
import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.ChunkSyntaxException;
import io.branchsync.schema.chunk.SqlChunkParser;
import io.branchsync.schema.chunk.SqlDialect;
import io.branchsync.schema.policy.PolicySet;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a chunk the moment it arrives, streaming, and hands on each statement once it passed the
 * checks: the chunk must be gzip, inflate within the limit to UTF-8 text, parse under the shop
 * dialect's strict grammar, and write only tables the policy set lets in from the office. A chunk
 * that fails a check part way has had its earlier statements handed on, so the caller applies them
 * inside a transaction it can roll back.
 */
public final class ChunkValidator {

  private final SqlChunkParser parser;
  private final PolicySet policies;
  private final Set<String> allowed;
  private final long maxInflatedBytes;

  /**
   * Creates a validator.
   *
   * @param dialect the shop's SQL dialect
   * @param policies the shop's policy set, for messages
   * @param allowed lower-case names of the tables the office may write
   * @param maxInflatedBytes the most bytes a chunk may inflate to
   */
  public ChunkValidator(
      SqlDialect dialect, PolicySet policies, Set<String> allowed, long maxInflatedBytes) {
    this.parser = SqlChunkParser.forDialect(dialect);
    this.policies = policies;
    this.allowed = Set.copyOf(allowed);
    this.maxInflatedBytes = maxInflatedBytes;
  }

  /**
   * Reads the whole chunk and checks every statement, handing on none.
   *
   * @param chunk the gzip bytes as received
   * @return the number of statements
   * @throws ProtocolException as {@link #read}
   */
  int validate(byte[] chunk) {
    return read(chunk, statement -> {});
  }

  /**
   * Reads the whole chunk, checks every statement and hands it on, in order.
   *
   * @param chunk the gzip bytes as received
   * @param each receives every statement that passed the checks
   * @return the number of statements
   * @throws ProtocolException {@link FaultCode#CHUNK_NOT_GZIP}, {@link FaultCode#CHUNK_TOO_LARGE},
   *     {@link FaultCode#CHUNK_NOT_UTF8}, {@link FaultCode#SQL_SYNTAX} or {@link
   *     FaultCode#TABLE_NOT_ALLOWED}, naming the line and the statement
   */
  public int read(byte[] chunk, Consumer<ChunkStatement> each) {
    Reader text = ChunkCodec.decode(chunk, maxInflatedBytes);
    try (ChunkReader reader = parser.open(text)) {
      for (ChunkStatement s = reader.next(); s != null; s = reader.next()) {
        String table = s.table().toLowerCase(Locale.ROOT);
        if (!allowed.contains(table)) {
          throw new ProtocolException(
              FaultCode.TABLE_NOT_ALLOWED,
              "line "
                  + s.line()
                  + ": table "
                  + s.table()
                  + " "
                  + why(table)
                  + " in: "
                  + reader.excerpt());
        }
        each.accept(s);
      }
      return reader.statementCount();
    } catch (ChunkSyntaxException e) {
      throw new ProtocolException(FaultCode.SQL_SYNTAX, e.getMessage(), e);
    } catch (IOException e) {
      // only closing can throw here, and the chunk was already read in full
      throw new UncheckedIOException(e);
    }
  }

  private String why(String table) {
    return policies
        .policyOf(table)
        .map(
            p ->
                "is "
                    + p
                    + " in policy set "
                    + policies.name()
                    + ", so the office may not write it")
        .orElse("is not in policy set " + policies.name() + ", so it is never synced");
  }
}
