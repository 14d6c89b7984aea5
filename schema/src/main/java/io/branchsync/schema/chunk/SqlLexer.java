package io.branchsync.schema.chunk;

import static io.branchsync.schema.chunk.CharSource.EOF;

/**
 * Splits statement text into tokens, one token of lookahead, for either dialect.
 *
 * <p>Only the tokens of the chunk grammar exist; any other character fails at once. The current
 * token's text lives in one reused buffer, so lexing allocates nothing until the parser turns a
 * token into a value.
 */
final class SqlLexer {

  /** The kinds of token the chunk grammar knows. */
  enum Token {
    /** A keyword or an unquoted name. */
    WORD,
    /** A name in the dialect's identifier quotes; the text is the bare name. */
    QUOTED_NAME,
    /** A string literal; the text is its value with escapes resolved. */
    STRING,
    /** A numeric literal; the text is the literal. */
    NUMBER,
    /** A MySQL {@code X'..'} literal; the text is the hex digits. */
    HEX,
    LPAREN,
    RPAREN,
    COMMA,
    SEMICOLON,
    DOT,
    EQUALS,
    /** PostgreSQL's {@code ::}. */
    CAST,
    END
  }

  private final CharSource src;
  private final boolean mysql;
  private final char nameQuote;
  private final StringBuilder text = new StringBuilder(64);
  private Token token = Token.END;

  SqlLexer(CharSource src, SqlDialect dialect) {
    this.src = src;
    this.mysql = dialect == SqlDialect.MYSQL;
    this.nameQuote = mysql ? '`' : '"';
  }

  Token token() {
    return token;
  }

  CharSequence text() {
    return text;
  }

  String textString() {
    return text.toString();
  }

  /** Whether the current token is the given keyword (upper case), in any case. */
  boolean isWord(String keyword) {
    if (token != Token.WORD || text.length() != keyword.length()) {
      return false;
    }
    for (int i = 0; i < keyword.length(); i++) {
      // keywords are ASCII letters: clearing bit 5 upper-cases them
      if ((text.charAt(i) & ~0x20) != keyword.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Skips whitespace and {@code --} comments; stops before anything else. */
  void skipTrivia() {
    while (true) {
      int c = src.peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        src.read();
      } else if (c == '-' && src.peekAt(1) == '-' && isComment()) {
        skipLineComment();
      } else {
        return;
      }
    }
  }

  /** Moves to the next token. */
  Token advance() {
    skipTrivia();
    text.setLength(0);
    int c = src.peek();
    token =
        switch (c) {
          case EOF -> Token.END;
          case '(' -> single(Token.LPAREN);
          case ')' -> single(Token.RPAREN);
          case ',' -> single(Token.COMMA);
          case ';' -> single(Token.SEMICOLON);
          case '.' -> single(Token.DOT);
          case '=' -> single(Token.EQUALS);
          case '\'' -> string();
          default -> other(c);
        };
    return token;
  }

  /** A readable name of the current token for messages. */
  String describe() {
    return switch (token) {
      case END -> "end of chunk";
      case STRING -> "a string literal";
      case HEX -> "a hex literal";
      case NUMBER -> "number " + shorten(text);
      case QUOTED_NAME -> nameQuote + shorten(text) + nameQuote;
      case WORD -> shorten(text);
      case CAST -> "'::'";
      default -> "'" + symbol(token) + "'";
    };
  }

  private Token other(int c) {
    if (c == nameQuote) {
      return quotedName();
    }
    if (IdentifierRule.isStart(c)) {
      return word();
    }
    if (NumericLiteral.isDigit(c) || c == '-') {
      return number();
    }
    src.read();
    if (c == ':' && !mysql && src.peek() == ':') {
      src.read();
      return Token.CAST;
    }
    throw src.error(unexpected(c));
  }

  private String unexpected(int c) {
    if (c == '/' && src.peek() == '*') {
      return "/* */ comments are not allowed, use -- comments";
    }
    if (c == '"' || c == '`') {
      return (c == '"' ? "double quotes" : "backquotes")
          + " are not allowed in "
          + (mysql ? "MySQL" : "PostgreSQL")
          + " chunks (names are quoted with "
          + nameQuote
          + ")";
    }
    if (c == '#') {
      return "# comments are not allowed, use -- comments";
    }
    boolean printable = c >= 0x20 && c != 0x7f && !Character.isSurrogate((char) c);
    String shown = printable ? "'" + (char) c + "' " : "";
    return "unexpected character " + shown + String.format("(U+%04X)", c);
  }

  private Token single(Token kind) {
    src.read();
    return kind;
  }

  private Token word() {
    while (IdentifierRule.isPart(src.peek())) {
      if (text.length() == IdentifierRule.MAX_LENGTH) {
        throw src.error("name longer than " + IdentifierRule.MAX_LENGTH + " characters");
      }
      text.append((char) src.read());
    }
    if (mysql
        && text.length() == 1
        && (text.charAt(0) == 'x' || text.charAt(0) == 'X')
        && src.peek() == '\'') {
      return hexLiteral();
    }
    return Token.WORD;
  }

  private Token quotedName() {
    src.read();
    while (true) {
      int c = src.read();
      if (c == nameQuote) {
        break;
      }
      if (c == EOF) {
        throw src.error("unterminated quoted name");
      }
      if (text.length() == IdentifierRule.MAX_LENGTH) {
        throw src.error("name longer than " + IdentifierRule.MAX_LENGTH + " characters");
      }
      text.append((char) c);
    }
    if (src.peek() == nameQuote) {
      throw src.error("quote characters are not allowed inside names");
    }
    if (!IdentifierRule.isValid(text)) {
      throw src.error(
          "name "
              + nameQuote
              + shorten(text)
              + nameQuote
              + " must match [A-Za-z_][A-Za-z0-9_]* (no schema, spaces or symbols)");
    }
    return Token.QUOTED_NAME;
  }

  private Token number() {
    if (src.peek() == '-') {
      text.append((char) src.read());
      if (src.peek() == '-') {
        // only reachable in MySQL: skipTrivia took every other "--" as a comment
        throw src.error("'--' must be followed by a space to start a comment in MySQL");
      }
      if (!NumericLiteral.isDigit(src.peek())) {
        throw src.error("unexpected character '-' (U+002D)");
      }
    }
    while (true) {
      int c = src.peek();
      if (NumericLiteral.isDigit(c)
          || c == '.'
          || IdentifierRule.isPart(c)
          || ((c == '+' || c == '-') && endsWithExponentMark())) {
        text.append((char) src.read());
      } else {
        break;
      }
    }
    if (!NumericLiteral.isValid(text)) {
      throw src.error("malformed number " + shorten(text));
    }
    return Token.NUMBER;
  }

  private boolean endsWithExponentMark() {
    int last = text.length() - 1;
    return last > 0
        && (text.charAt(last) == 'e' || text.charAt(last) == 'E')
        && NumericLiteral.isDigit(text.charAt(last - 1));
  }

  private Token string() {
    src.read();
    if (mysql) {
      MySqlStringCodec.readBody(src, text);
    } else {
      readPostgresBody();
    }
    return Token.STRING;
  }

  /**
   * Standard-conforming strings: {@code ''} is the only escape; a backslash is a plain character.
   */
  private void readPostgresBody() {
    while (true) {
      int c = src.read();
      if (c == '\'') {
        if (src.peek() != '\'') {
          return;
        }
        src.read();
      } else if (c == EOF) {
        throw src.error("unterminated string literal");
      } else if (c == 0) {
        throw src.error("NUL characters are not allowed in PostgreSQL text");
      }
      text.append((char) c);
    }
  }

  private Token hexLiteral() {
    text.setLength(0);
    src.read();
    while (true) {
      int c = src.read();
      if (c == '\'') {
        break;
      }
      if (HexCodec.digit(c) < 0) {
        throw src.error(c == EOF ? "unterminated hex literal" : "X'...' may hold only hex digits");
      }
      text.append((char) c);
    }
    if (text.length() % 2 != 0) {
      throw src.error("X'...' needs an even number of hex digits");
    }
    return Token.HEX;
  }

  /**
   * MySQL needs whitespace or a control character after {@code --}; otherwise it is two minus
   * signs.
   */
  private boolean isComment() {
    if (!mysql) {
      return true;
    }
    int third = src.peekAt(2);
    return third == EOF || third <= ' ';
  }

  private void skipLineComment() {
    int c;
    do {
      c = src.read();
    } while (c != '\n' && c != EOF);
  }

  static String shorten(CharSequence s) {
    return s.length() <= 30 ? s.toString() : s.subSequence(0, 30) + "...";
  }

  private static String symbol(Token kind) {
    return switch (kind) {
      case LPAREN -> "(";
      case RPAREN -> ")";
      case COMMA -> ",";
      case SEMICOLON -> ";";
      case DOT -> ".";
      case EQUALS -> "=";
      default -> kind.name();
    };
  }
}
