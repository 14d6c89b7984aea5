package io.branchsync.schema.chunk;

import static io.branchsync.schema.chunk.CharSource.EOF;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the data lines of a COPY block, after its {@code FROM stdin;}, up to and including the
 * {@code \.} line.
 */
final class CopyDataReader {

  private final CharSource src;
  private final StringBuilder line = new StringBuilder(256);
  private final CopyTextCodec.Decoder decoder = new CopyTextCodec.Decoder();

  CopyDataReader(CharSource src) {
    this.src = src;
  }

  List<List<SqlValue>> read(int columns) {
    finishHeaderLine();
    List<List<SqlValue>> rows = new ArrayList<>();
    while (true) {
      int lineNumber = src.line();
      if (!readLine()) {
        throw src.error("COPY data ends without a \\. line");
      }
      if (line.length() == 2 && line.charAt(0) == '\\' && line.charAt(1) == '.') {
        return rows;
      }
      if (rows.size() == ChunkStatement.MAX_ROWS) {
        throw src.error("more than " + ChunkStatement.MAX_ROWS + " rows in one COPY block", false);
      }
      rows.add(decodeRow(columns, lineNumber));
    }
  }

  /**
   * psql sends COPY data from the line after the command, so only blanks may follow the {@code ;}.
   */
  private void finishHeaderLine() {
    int c = src.read();
    while (c == ' ' || c == '\t') {
      c = src.read();
    }
    if (c != '\n') {
      throw src.error("COPY data must start on the line after FROM stdin;");
    }
  }

  /** Reads one line without its newline; false when the chunk had ended before it. */
  private boolean readLine() {
    line.setLength(0);
    while (true) {
      int c = src.read();
      if (c == '\n') {
        return true;
      }
      if (c == EOF) {
        // psql takes a last line without newline, typically the \. itself
        return line.length() > 0;
      }
      if (c == '\r') {
        throw src.error(
            "carriage return in COPY data at line " + src.line() + " (write it as \\r)", false);
      }
      line.append((char) c);
    }
  }

  private List<SqlValue> decodeRow(int columns, int lineNumber) {
    SqlValue[] fields = new SqlValue[columns];
    try {
      CopyTextCodec.decodeRow(line, fields, decoder);
    } catch (IllegalArgumentException e) {
      throw src.error("COPY data at line " + lineNumber + ": " + e.getMessage(), false);
    }
    return List.of(fields);
  }
}
