package io.branchsync.schema.chunk;

import io.branchsync.schema.chunk.SqlLexer.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The steps every part of the recursive descent takes over the lexer: expect a keyword or symbol,
 * read a name or a list of names, fail with a message that says what was expected and what was
 * found.
 */
final class TokenCursor {

  private final SqlLexer lex;
  private final CharSource src;
  private final char nameQuote;

  TokenCursor(SqlLexer lex, CharSource src, SqlDialect dialect) {
    this.lex = lex;
    this.src = src;
    this.nameQuote = dialect == SqlDialect.MYSQL ? '`' : '"';
  }

  Token token() {
    return lex.token();
  }

  SqlLexer lexer() {
    return lex;
  }

  void advance() {
    lex.advance();
  }

  boolean isWord(String keyword) {
    return lex.isWord(keyword);
  }

  /** Consumes the keyword, or fails with {@code message}, found what. */
  void expectWord(String keyword, String message) {
    if (!lex.isWord(keyword)) {
      throw unexpected(message);
    }
    lex.advance();
  }

  /** Consumes a token of the given kind, or fails with {@code message}, found what. */
  void expect(Token kind, String message) {
    if (lex.token() != kind) {
      throw unexpected(message);
    }
    lex.advance();
  }

  boolean consumeComma() {
    if (lex.token() == Token.COMMA) {
      lex.advance();
      return true;
    }
    return false;
  }

  /** Reads a name, quoted or not; the lexer has already held it to the identifier rule. */
  String name(String what) {
    Token kind = lex.token();
    if (kind != Token.WORD && kind != Token.QUOTED_NAME) {
      throw unexpected("expected " + what);
    }
    String name = lex.textString();
    lex.advance();
    return name;
  }

  /**
   * Reads a name that must be {@code expected}, spelled the same, or fails with {@code message}.
   */
  void expectName(String expected, String message) {
    Token kind = lex.token();
    if ((kind != Token.WORD && kind != Token.QUOTED_NAME) || !expected.contentEquals(lex.text())) {
      throw unexpected(message);
    }
    lex.advance();
  }

  /** Reads {@code (name, name, ...)}: at most {@link ChunkStatement#MAX_COLUMNS}, no name twice. */
  List<String> nameList(String what) {
    expect(Token.LPAREN, "expected ( and the " + what);
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    do {
      String name = name("a name in the " + what);
      if (names.size() == ChunkStatement.MAX_COLUMNS) {
        throw error("more than " + ChunkStatement.MAX_COLUMNS + " names in the " + what);
      }
      // case-blind, as MySQL and the policy layer see names
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw error(quote(name) + " appears twice in the " + what);
      }
      names.add(name);
    } while (consumeComma());
    expect(Token.RPAREN, "expected , or ) in the " + what);
    return names;
  }

  /** A failure that shows the token found. */
  ChunkSyntaxException unexpected(String message) {
    return src.error(message + ", found " + lex.describe());
  }

  ChunkSyntaxException error(String message) {
    return src.error(message);
  }

  String quote(String name) {
    return nameQuote + name + nameQuote;
  }
}
