package io.branchsync.schema.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchsync.testkit.TestDialect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random rows of every supported column kind, captured, written as chunk text, parsed and applied,
 * come back equal: PostgreSQL to PostgreSQL, MySQL to MySQL, and across both ways.
 */
class ChunkRoundTripPropertyIT {
  private static final Map<TestDialect, Map<TestDialect, RoundTrip>> TRIPS =
      new EnumMap<>(TestDialect.class);
  private static final AtomicLong IDS = new AtomicLong();

  private static synchronized RoundTrip trip(TestDialect from, TestDialect to) throws Exception {
    Map<TestDialect, RoundTrip> byTarget =
        TRIPS.computeIfAbsent(from, f -> new EnumMap<>(TestDialect.class));
    RoundTrip trip = byTarget.get(to);
    if (trip == null) {
      trip = new RoundTrip(from, to);
      byTarget.put(to, trip);
    }
    return trip;
  }

  @AfterContainer
  static void dropDatabases() {
    TRIPS.values().forEach(m -> m.values().forEach(RoundTrip::close));
    TRIPS.clear();
  }

  @Property(tries = 40)
  void postgresToPostgres(@ForAll("rows") @Size(min = 1, max = 20) List<List<Object>> rows)
      throws Exception {
    check(TestDialect.POSTGRESQL, TestDialect.POSTGRESQL, rows);
  }

  @Property(tries = 40)
  void mysqlToMysql(@ForAll("rows") @Size(min = 1, max = 20) List<List<Object>> rows)
      throws Exception {
    check(TestDialect.MARIADB, TestDialect.MARIADB, rows);
  }

  @Property(tries = 40)
  void postgresToMysql(@ForAll("rows") @Size(min = 1, max = 20) List<List<Object>> rows)
      throws Exception {
    check(TestDialect.POSTGRESQL, TestDialect.MARIADB, rows);
  }

  @Property(tries = 40)
  void mysqlToPostgres(@ForAll("rows") @Size(min = 1, max = 20) List<List<Object>> rows)
      throws Exception {
    check(TestDialect.MARIADB, TestDialect.POSTGRESQL, rows);
  }

  private static void check(TestDialect from, TestDialect to, List<List<Object>> rows)
      throws Exception {
    RoundTrip trip = trip(from, to);
    List<List<Object>> withIds = new ArrayList<>();
    for (List<Object> row : rows) {
      List<Object> copy = new ArrayList<>(row);
      copy.set(0, IDS.incrementAndGet());
      withIds.add(copy);
    }
    trip.insertAtSource(withIds);
    trip.sync();
    assertEquals(RoundTrip.rows(trip.source), RoundTrip.rows(trip.target));
  }

  @Provide
  Arbitrary<List<List<Object>>> rows() {
    return row().list();
  }

  private static Arbitrary<List<Object>> row() {
    return Combinators.combine(
            text(200).injectNull(0.1),
            text(2000).injectNull(0.1),
            Arbitraries.bigDecimals()
                .between(
                    new BigDecimal("-99999999999999999999"), new BigDecimal("99999999999999999999"))
                .ofScale(10)
                .injectNull(0.1),
            Arbitraries.integers().injectNull(0.1),
            Arbitraries.of(true, false).injectNull(0.1),
            timestamps().injectNull(0.1),
            Arbitraries.longs()
                .between(0, 365L * 400)
                .map(d -> LocalDate.of(1900, 1, 1).plusDays(d))
                .injectNull(0.1),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(64).injectNull(0.1))
        .as(
            (label, body, amount, qty, flag, happened, day, payload) ->
                Arrays.asList((Object) 0L, label, body, amount, qty, flag, happened, day, payload));
  }

  /** Any text a database can hold: no NUL, no lone surrogate; emoji and quotes welcome. */
  private static Arbitrary<String> text(int max) {
    Arbitrary<String> plain =
        Arbitraries.strings()
            .withCharRange('\u0001', '\uD7FF')
            .withChars('\'', '\\', '"', ';', '\n', '\t', '\r', '`')
            .ofMaxLength(max / 2);
    Arbitrary<String> emoji = Arbitraries.of("😀", "🧾", "👩‍👩‍👧", "𝔘", "✓");
    return Combinators.combine(plain, emoji, plain)
        .as((a, e, b) -> a + e + b)
        .filter(s -> s.length() <= max);
  }

  private static Arbitrary<LocalDateTime> timestamps() {
    LocalDateTime base = LocalDateTime.of(1971, 1, 1, 0, 0);
    return Arbitraries.longs()
        .between(0, 4_000_000_000_000_000L)
        .map(micros -> base.plusNanos(micros * 1000));
  }
}
