package io.branchsync.schema.chunk;

import io.branchsync.schema.chunk.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Recursive descent over one statement: {@code INSERT ... upsert}, {@code DELETE ... WHERE key IN
 * (...)} or {@code COPY ... FROM stdin}. Anything else fails.
 *
 * <p>Each rule consumes its tokens and leaves the next one current; a statement ends on its {@code
 * ;} without reading further, because COPY data and the next statement's excerpt start right after
 * it.
 */
final class StatementParser {

  private final TokenCursor in;
  private final SqlLexer lex;
  private final CharSource src;
  private final boolean mysql;
  private final UpsertClauseParser upsertClause;
  private final CopyDataReader copyData;

  StatementParser(CharSource src, SqlDialect dialect) {
    this.src = src;
    this.lex = new SqlLexer(src, dialect);
    this.in = new TokenCursor(lex, src, dialect);
    this.mysql = dialect == SqlDialect.MYSQL;
    this.upsertClause = new UpsertClauseParser(in);
    this.copyData = new CopyDataReader(src);
  }

  /** Skips whitespace and comments; false at the end of the chunk. */
  boolean hasNext() {
    lex.skipTrivia();
    return src.peek() != CharSource.EOF;
  }

  /** Parses the statement starting at the next character, which is not trivia. */
  ChunkStatement next() {
    src.beginStatement();
    lex.advance();
    if (in.isWord("INSERT")) {
      return insert(src.statementLine());
    }
    if (in.isWord("DELETE")) {
      return delete(src.statementLine());
    }
    if (in.isWord("COPY")) {
      return copy(src.statementLine());
    }
    throw in.unexpected(
        mysql
            ? "expected INSERT ... ON DUPLICATE KEY UPDATE or DELETE ... WHERE key IN (...)"
            : "expected INSERT ... ON CONFLICT, DELETE ... WHERE key IN (...) or COPY ... FROM"
                + " stdin");
  }

  private Upsert insert(int line) {
    in.advance();
    in.expectWord("INTO", "expected INTO after INSERT");
    String table = tableName();
    List<String> columns = in.nameList("column list");
    in.expectWord("VALUES", "expected VALUES after the column list");
    List<List<SqlValue>> rows = new ArrayList<>();
    do {
      requireRoom(rows, "rows");
      rows.add(tuple(columns.size(), "row", rows.size() + 1));
    } while (in.consumeComma());
    List<String> keys =
        mysql ? upsertClause.onDuplicateKey(columns) : upsertClause.onConflict(columns);
    endStatement();
    return build(() -> new Upsert(table, columns, keys, rows, line));
  }

  private DeleteByKey delete(int line) {
    in.advance();
    in.expectWord("FROM", "expected FROM after DELETE");
    String table = tableName();
    in.expectWord("WHERE", "expected WHERE and the keys to delete");
    List<String> keyColumns;
    List<List<SqlValue>> keys = new ArrayList<>();
    if (in.token() == Token.LPAREN) {
      keyColumns = in.nameList("key column list");
      if (keyColumns.size() < 2) {
        throw in.error("a single key column is written without parentheses");
      }
      in.expectWord("IN", "expected IN after the key columns");
      in.expect(Token.LPAREN, "expected ( and the keys after IN");
      do {
        requireRoom(keys, "keys");
        keys.add(tuple(keyColumns.size(), "key", keys.size() + 1));
      } while (in.consumeComma());
    } else {
      keyColumns = List.of(in.name("the key column or (key columns)"));
      in.expectWord("IN", "expected IN after the key column");
      in.expect(Token.LPAREN, "expected ( and the keys after IN");
      do {
        requireRoom(keys, "keys");
        keys.add(List.of(value()));
      } while (in.consumeComma());
    }
    in.expect(Token.RPAREN, "expected , or ) in the key list");
    endStatement();
    return build(() -> new DeleteByKey(table, keyColumns, keys, line));
  }

  private CopyBlock copy(int line) {
    if (mysql) {
      throw in.error("COPY is not allowed in MySQL chunks");
    }
    in.advance();
    String table = tableName();
    List<String> columns = in.nameList("column list");
    String fromStdin =
        "expected FROM stdin after the column list (only COPY ... FROM stdin is allowed)";
    in.expectWord("FROM", fromStdin);
    in.expectWord("STDIN", fromStdin);
    endStatement();
    List<List<SqlValue>> rows = copyData.read(columns.size());
    return build(() -> new CopyBlock(table, columns, rows, line));
  }

  private String tableName() {
    String table = in.name("a table name");
    if (in.token() == Token.DOT) {
      throw in.error("qualified names are not allowed; write the table name alone");
    }
    return table;
  }

  /** Reads {@code (value, ...)} with exactly {@code arity} values. */
  private List<SqlValue> tuple(int arity, String kind, int index) {
    if (lex.token() != Token.LPAREN) {
      throw in.unexpected("expected ( to start " + kind + " " + index);
    }
    lex.advance();
    SqlValue[] values = new SqlValue[arity];
    int count = 0;
    while (true) {
      SqlValue value = value();
      if (count == arity) {
        throw in.error(kind + " " + index + " has more than " + arity + " values");
      }
      values[count++] = value;
      if (!in.consumeComma()) {
        break;
      }
    }
    if (count != arity) {
      throw in.error(kind + " " + index + " has " + count + " values, expected " + arity);
    }
    if (lex.token() != Token.RPAREN) {
      throw in.unexpected("expected , or ) after a value of " + kind + " " + index);
    }
    lex.advance();
    // List.of copies once; the record's List.copyOf then keeps this list as it is
    return List.of(values);
  }

  private SqlValue value() {
    SqlValue value;
    switch (lex.token()) {
      case NUMBER -> value = new SqlValue.Number(lex.textString());
      case STRING -> {
        return stringOrBytea();
      }
      case HEX -> value = new SqlValue.Bytes(HexCodec.decode(lex.text(), 0));
      case WORD -> value = keywordValue();
      default -> throw in.unexpected("expected a value");
    }
    lex.advance();
    return value;
  }

  private SqlValue keywordValue() {
    if (in.isWord("NULL")) {
      return SqlValue.NULL;
    }
    if (in.isWord("TRUE")) {
      return SqlValue.TRUE;
    }
    if (in.isWord("FALSE")) {
      return SqlValue.FALSE;
    }
    throw in.unexpected("expected a value (a literal, NULL, TRUE or FALSE)");
  }

  /** A string, or PostgreSQL's {@code '\x..'::bytea}; no other cast exists in chunks. */
  private SqlValue stringOrBytea() {
    String text = lex.textString();
    lex.advance();
    if (lex.token() != Token.CAST) {
      return new SqlValue.Text(text);
    }
    lex.advance();
    in.expectWord("BYTEA", "only ::bytea casts are allowed");
    byte[] bytes = text.startsWith("\\x") ? HexCodec.decode(text, 2) : null;
    if (bytes == null) {
      throw in.error("a ::bytea literal must be '\\x' followed by pairs of hex digits");
    }
    return new SqlValue.Bytes(bytes);
  }

  private void requireRoom(List<?> rows, String what) {
    if (rows.size() == ChunkStatement.MAX_ROWS) {
      throw in.error("more than " + ChunkStatement.MAX_ROWS + " " + what + " in one statement");
    }
  }

  private void endStatement() {
    if (lex.token() != Token.SEMICOLON) {
      throw in.unexpected("expected ; at the end of the statement");
    }
    src.endStatement();
  }

  /**
   * The parser checks everything the records check; this only guards against a gap between them.
   */
  private <T extends ChunkStatement> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw in.error(e.getMessage());
    }
  }
}
