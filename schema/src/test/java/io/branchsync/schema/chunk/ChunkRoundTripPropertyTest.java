package io.branchsync.schema.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;

/**
 * Whatever the writer writes, the parser reads back as the same statements, in both dialects; and
 * no input makes the parser fail with anything but a {@link ChunkSyntaxException}.
 */
class ChunkRoundTripPropertyTest {

  /**
   * Pieces of text that have broken SQL writers before: quotes, escapes, comment starts, non-BMP
   * characters.
   */
  private static final List<String> NASTY =
      List.of(
          "'",
          "''",
          "\\",
          "\\'",
          "\\\\",
          "\"",
          "`",
          ";",
          "--",
          "/*",
          "*/",
          "#",
          "\n",
          "\r",
          "\r\n",
          "\t",
          "\b",
          "\f",
          "\u000b",
          "\u001a",
          "\u0001",
          "\u007f",
          "%",
          "_",
          "\\%",
          "\\_",
          "\\N",
          "\\.",
          "\\x41",
          "\\0",
          "NULL",
          "'; DROP TABLE x; --",
          "$$",
          "::bytea",
          "X'",
          " ",
          "x",
          "é",
          "中文",
          "Ж",
          "😀",
          "👍🏽",
          "\u00a0",
          "\u2028",
          "\ufeff",
          "\ufffd");

  @Property(tries = 300)
  void postgresUpsertsSurviveWriteAndParse(@ForAll("postgresUpserts") Upsert upsert) {
    assertEquals(upsert, ChunkAssertions.roundTrip(SqlDialect.POSTGRESQL, upsert));
  }

  @Property(tries = 300)
  void mysqlUpsertsSurviveWriteAndParse(@ForAll("mysqlUpserts") Upsert upsert) {
    assertEquals(upsert, ChunkAssertions.roundTrip(SqlDialect.MYSQL, upsert));
  }

  @Property(tries = 200)
  void postgresDeletesSurviveWriteAndParse(@ForAll("postgresDeletes") DeleteByKey delete) {
    assertEquals(delete, ChunkAssertions.roundTrip(SqlDialect.POSTGRESQL, delete));
  }

  @Property(tries = 200)
  void mysqlDeletesSurviveWriteAndParse(@ForAll("mysqlDeletes") DeleteByKey delete) {
    assertEquals(delete, ChunkAssertions.roundTrip(SqlDialect.MYSQL, delete));
  }

  @Property(tries = 300)
  void copyBlocksComeBackAsTheTextOfEveryValue(@ForAll("copyBlocks") CopyBlock copy) {
    List<List<SqlValue>> expected = new ArrayList<>();
    for (List<SqlValue> row : copy.rows()) {
      expected.add(row.stream().map(ChunkRoundTripPropertyTest::asCopyText).toList());
    }
    CopyBlock parsed = (CopyBlock) ChunkAssertions.roundTrip(SqlDialect.POSTGRESQL, copy);
    assertEquals(new CopyBlock(copy.table(), copy.columns(), expected), parsed);
  }

  @Property(tries = 200)
  void chunksOfStatementsAndCommentsKeepOrderAndLines(
      @ForAll("chunks") Tuple2<SqlDialect, List<ChunkStatement>> in) {
    SqlChunkWriter writer = SqlChunkWriter.forDialect(in.get1());
    StringBuilder chunk = new StringBuilder();
    List<Integer> lines = new ArrayList<>();
    for (ChunkStatement statement : in.get2()) {
      writer.comment("next: " + statement.table() + "\nrows: " + statement.rowCount(), chunk);
      lines.add((int) chunk.chars().filter(c -> c == '\n').count() + 1);
      writer.write(statement, chunk);
    }
    List<ChunkStatement> parsed = ChunkAssertions.parse(in.get1(), chunk.toString());
    assertEquals(in.get2(), parsed.stream().map(s -> s.withLine(0)).toList());
    assertEquals(lines, parsed.stream().map(ChunkStatement::line).toList());
  }

  @Property(tries = 1000)
  void damagedChunksFailOnlyWithChunkSyntaxException(
      @ForAll("damagedChunks") Tuple3<SqlDialect, String, String> in) {
    String chunk = in.get3();
    try {
      SqlChunkParser.forDialect(in.get1()).parseAll(chunk);
    } catch (ChunkSyntaxException e) {
      long lines = chunk.chars().filter(c -> c == '\n').count() + 1;
      assertTrue(e.line() >= 1 && e.line() <= lines, e::getMessage);
      assertTrue(e.statementExcerpt().length() <= CharSource.EXCERPT_LENGTH + 4, e::getMessage);
      assertTrue(
          e.getMessage().chars().noneMatch(c -> c < 0x20),
          "control character in " + e.getMessage());
    }
  }

  @Provide
  Arbitrary<SqlDialect> dialects() {
    return Arbitraries.of(SqlDialect.class);
  }

  @Provide
  Arbitrary<Tuple2<SqlDialect, List<ChunkStatement>>> chunks() {
    return dialects()
        .flatMap(
            dialect ->
                statements(dialect)
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(6)
                    .map(list -> Tuple.of(dialect, list)));
  }

  @Provide
  Arbitrary<Upsert> postgresUpserts() {
    return upserts(SqlDialect.POSTGRESQL);
  }

  @Provide
  Arbitrary<Upsert> mysqlUpserts() {
    return upserts(SqlDialect.MYSQL);
  }

  @Provide
  Arbitrary<DeleteByKey> postgresDeletes() {
    return deletes(SqlDialect.POSTGRESQL);
  }

  @Provide
  Arbitrary<DeleteByKey> mysqlDeletes() {
    return deletes(SqlDialect.MYSQL);
  }

  @Provide
  Arbitrary<CopyBlock> copyBlocks() {
    return copies(values(SqlDialect.POSTGRESQL));
  }

  @Provide
  Arbitrary<Tuple3<SqlDialect, String, String>> damagedChunks() {
    return dialects()
        .flatMap(
            dialect ->
                statements(dialect)
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(3)
                    .flatMap(
                        list -> {
                          StringBuilder chunk = new StringBuilder();
                          list.forEach(s -> SqlChunkWriter.forDialect(dialect).write(s, chunk));
                          String valid = chunk.toString();
                          return damage(valid).map(damaged -> Tuple.of(dialect, valid, damaged));
                        }));
  }

  private static Arbitrary<String> damage(String valid) {
    Arbitrary<String> fragment =
        Arbitraries.oneOf(
            Arbitraries.of(NASTY),
            Arbitraries.of(
                "(", ")", ",", "=", ".", "::", "-", "1", "e", "IN", "ON", "DO", "\\.\n", "\n\\.\n"),
            Arbitraries.chars().map(String::valueOf));
    return Combinators.combine(
            Arbitraries.integers().between(0, valid.length()),
            Arbitraries.integers().between(0, 8),
            Arbitraries.integers().between(0, 2),
            fragment)
        .as(
            (at, length, op, piece) -> {
              int end = Math.min(valid.length(), at + length);
              return switch (op) {
                case 0 -> valid.substring(0, at) + piece + valid.substring(at);
                case 1 -> valid.substring(0, at) + valid.substring(end);
                default -> valid.substring(0, at) + piece + valid.substring(end);
              };
            });
  }

  private static Arbitrary<ChunkStatement> statements(SqlDialect dialect) {
    Arbitrary<SqlValue> values = values(dialect);
    if (dialect == SqlDialect.MYSQL) {
      return Arbitraries.oneOf(upserts(dialect), deletes(dialect));
    }
    // COPY text carries no types, so only text and NULL come back as they went in
    Arbitrary<SqlValue> copyValues =
        values.filter(v -> v instanceof SqlValue.Text || v instanceof SqlValue.Null);
    return Arbitraries.oneOf(upserts(dialect), deletes(dialect), copies(copyValues));
  }

  private static Arbitrary<Upsert> upserts(SqlDialect dialect) {
    return columnLists()
        .flatMap(
            columns ->
                Combinators.combine(
                        names(),
                        Arbitraries.subsetOf(columns).ofMinSize(1),
                        rows(values(dialect), columns.size(), 1))
                    .as(
                        (table, keys, rows) ->
                            new Upsert(table, columns, new ArrayList<>(keys), rows)));
  }

  private static Arbitrary<DeleteByKey> deletes(SqlDialect dialect) {
    return columnLists()
        .flatMap(
            columns ->
                Combinators.combine(names(), rows(values(dialect), columns.size(), 1))
                    .as((table, keys) -> new DeleteByKey(table, columns, keys)));
  }

  private static Arbitrary<CopyBlock> copies(Arbitrary<SqlValue> values) {
    return columnLists()
        .flatMap(
            columns ->
                Combinators.combine(names(), rows(values, columns.size(), 0))
                    .as((table, rows) -> new CopyBlock(table, columns, rows)));
  }

  private static Arbitrary<List<List<SqlValue>>> rows(
      Arbitrary<SqlValue> values, int arity, int minRows) {
    return values.list().ofSize(arity).list().ofMinSize(minRows).ofMaxSize(5);
  }

  private static Arbitrary<List<String>> columnLists() {
    return names()
        .list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .uniqueElements(name -> name.toLowerCase(Locale.ROOT));
  }

  private static Arbitrary<String> names() {
    Arbitrary<String> first = Arbitraries.strings().withChars("abcxyzABCXYZ_").ofLength(1);
    Arbitrary<String> rest =
        Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABC_0123456789").ofMaxLength(20);
    return Combinators.combine(first, rest).as(String::concat);
  }

  private static Arbitrary<SqlValue> values(SqlDialect dialect) {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(SqlValue.NULL)),
        Tuple.of(1, Arbitraries.of(SqlValue.TRUE, SqlValue.FALSE)),
        Tuple.of(2, numbers()),
        Tuple.of(6, texts(dialect)),
        Tuple.of(2, bytes()));
  }

  private static Arbitrary<SqlValue> numbers() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25);
    Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), digits.map("."::concat));
    Arbitrary<String> exponent =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Combinators.combine(
                    Arbitraries.of("e", "E"),
                    Arbitraries.of("", "+", "-"),
                    Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3))
                .as((e, s, d) -> e + s + d));
    return Combinators.combine(Arbitraries.of("", "-"), digits, fraction, exponent)
        .as((sign, whole, frac, exp) -> new SqlValue.Number(sign + whole + frac + exp));
  }

  private static Arbitrary<SqlValue> texts(SqlDialect dialect) {
    // PostgreSQL text cannot hold NUL; everything else goes
    char lowest = dialect == SqlDialect.MYSQL ? '\u0000' : '\u0001';
    List<String> nasty = new ArrayList<>(NASTY);
    if (dialect == SqlDialect.MYSQL) {
      nasty.add("\0");
    }
    Arbitrary<String> pieces =
        Arbitraries.of(nasty).list().ofMaxSize(12).map(list -> String.join("", list));
    Arbitrary<String> anyChars =
        Arbitraries.strings()
            .withCharRange(lowest, '\ud7ff')
            .withCharRange('\ue000', '\ufffd')
            .ofMaxLength(30);
    Arbitrary<String> mixed =
        Combinators.combine(pieces, anyChars, pieces).as((a, b, c) -> a + b + c);
    return Arbitraries.oneOf(pieces, anyChars, mixed).map(SqlValue::text);
  }

  private static Arbitrary<SqlValue> bytes() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    Arbitrary<byte[]> special =
        Arbitraries.of((byte) 0x00, (byte) 0x27, (byte) 0x5c, (byte) 0xff)
            .array(byte[].class)
            .ofMaxSize(8);
    return Arbitraries.oneOf(random, special).map(SqlValue::bytes);
  }

  private static SqlValue asCopyText(SqlValue value) {
    if (value instanceof SqlValue.Bool bool) {
      return SqlValue.text(bool.value() ? "t" : "f");
    }
    if (value instanceof SqlValue.Number number) {
      return SqlValue.text(number.literal());
    }
    if (value instanceof SqlValue.Bytes bytes) {
      return SqlValue.text("\\x" + bytes.toHex());
    }
    return value;
  }
}
