package io.branchsync.schema.chunk;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * The chunk's characters, read through one buffer so that a large chunk is held in memory once,
 * with the line count and the excerpt of the current statement kept on the way for error messages.
 */
final class CharSource {

  static final int EOF = -1;

  /**
   * Excerpt length in error messages: enough to recognise a statement, short enough for a log line.
   */
  static final int EXCERPT_LENGTH = 80;

  private static final int BUFFER_SIZE = 1 << 16;

  private final Reader in;
  private final char[] buf = new char[BUFFER_SIZE];
  private int pos;
  private int limit;
  private boolean eof;
  private int line = 1;

  private final StringBuilder excerpt = new StringBuilder(EXCERPT_LENGTH + 8);
  private boolean recording;
  private int statementLine = 1;

  CharSource(Reader in) {
    this.in = in;
  }

  int peek() {
    if (pos == limit && !fill()) {
      return EOF;
    }
    return buf[pos];
  }

  /**
   * The character {@code offset} places after {@link #peek()} (0 is {@code peek()}), without
   * consuming; used to tell {@code --} comments from minus signs.
   */
  int peekAt(int offset) {
    if (limit - pos <= offset) {
      compactAndFill(offset + 1);
      if (limit - pos <= offset) {
        return EOF;
      }
    }
    return buf[pos + offset];
  }

  int read() {
    if (pos == limit && !fill()) {
      return EOF;
    }
    char c = buf[pos++];
    if (c == '\n') {
      line++;
    }
    if (recording) {
      record(c);
    }
    return c;
  }

  int line() {
    return line;
  }

  int statementLine() {
    return statementLine;
  }

  /** Marks the next character as the first of a statement. */
  void beginStatement() {
    statementLine = line;
    excerpt.setLength(0);
    recording = true;
  }

  /** Stops recording at the statement's {@code ;}, so COPY data does not pad the excerpt. */
  void endStatement() {
    recording = false;
  }

  /** The beginning of the current (or last) statement, whitespace collapsed. */
  String excerpt() {
    int end = excerpt.length();
    boolean cut = end > EXCERPT_LENGTH;
    if (cut) {
      end = EXCERPT_LENGTH;
      if (Character.isHighSurrogate(excerpt.charAt(end - 1))) {
        end--;
      }
    }
    while (end > 0 && excerpt.charAt(end - 1) == ' ') {
      end--;
    }
    return cut ? excerpt.substring(0, end) + " ..." : excerpt.substring(0, end);
  }

  /**
   * An error in the current statement. Reads on to the end of the line, up to the excerpt length,
   * so the excerpt shows more than the tokens read so far; the chunk is rejected anyway, so
   * consuming it does no harm.
   */
  ChunkSyntaxException error(String reason) {
    return error(reason, true);
  }

  /**
   * As {@link #error(String)}; {@code showPosition} adds the current line when it is not the
   * statement's.
   */
  ChunkSyntaxException error(String reason, boolean showPosition) {
    while (recording && excerpt.length() <= EXCERPT_LENGTH && peek() != EOF && peek() != '\n') {
      read();
    }
    int errorLine = line;
    String where =
        !showPosition || errorLine == statementLine ? "" : " (at line " + errorLine + ")";
    return new ChunkSyntaxException(statementLine, excerpt(), printable(reason) + where);
  }

  /** Reasons quote names and numbers from the chunk, which may hold control characters. */
  private static String printable(String reason) {
    StringBuilder out = new StringBuilder(reason.length());
    for (int i = 0; i < reason.length(); i++) {
      char c = reason.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return out.toString();
  }

  private void record(char c) {
    if (excerpt.length() > EXCERPT_LENGTH) {
      recording = false;
      return;
    }
    char shown = c;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      int last = excerpt.length() - 1;
      if (last < 0 || excerpt.charAt(last) == ' ') {
        return;
      }
      shown = ' ';
    } else if (c < 0x20 || c == 0x7f) {
      // Messages travel in XML-RPC faults and logs, where control characters break things.
      shown = '?';
    }
    excerpt.append(shown);
  }

  private boolean fill() {
    if (eof) {
      return false;
    }
    pos = 0;
    limit = 0;
    while (limit == 0) {
      if (!readMore()) {
        return false;
      }
    }
    return true;
  }

  private void compactAndFill(int wanted) {
    if (eof) {
      return;
    }
    int remaining = limit - pos;
    System.arraycopy(buf, pos, buf, 0, remaining);
    pos = 0;
    limit = remaining;
    while (limit < wanted && readMore()) {
      // a reader may hand out one character at a time
    }
  }

  private boolean readMore() {
    try {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
        return false;
      }
      limit += n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("reading chunk at line " + line, e);
    }
  }
}
