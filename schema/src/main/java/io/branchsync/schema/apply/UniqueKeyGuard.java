package io.branchsync.schema.apply;

import io.branchsync.schema.RowRejectedException;
import io.branchsync.schema.catalog.ColumnMeta;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps the rows of one transaction from clashing on a unique key other than the primary key when
 * the end state has no clash: a SKU swapped between two products, a SKU taken over from a product
 * deleted later in the same session. Before an upsert, the rows holding its keys or unique values
 * are found in one query; a row that holds a value another incoming row takes is moved aside (see
 * {@link RowParker}). A row moved aside that the transaction neither rewrites nor deletes by its
 * end means the end state really has two rows with one value: {@link #finish} refuses the row that
 * took the value, naming the row that holds it.
 *
 * <p>One guard per transaction.
 */
final class UniqueKeyGuard {
  private final UniqueKeyHolders holders;
  private final RowParker parker;
  private final Function<List<Object>, String> sentKey;

  /** Rows moved aside and not yet rewritten or deleted, by table and key text. */
  private final Map<List<String>, Parked> pending = new LinkedHashMap<>();

  /**
   * @param sentKey an incoming row's key as the sender wrote it, how a refused row is named
   */
  UniqueKeyGuard(Dialect dialect, ValueBinder binder, Function<List<Object>, String> sentKey) {
    this.holders = new UniqueKeyHolders(dialect, binder);
    this.parker = new RowParker(dialect, binder);
    this.sentKey = sentKey;
  }

  private record Parked(String table, String holder, String taker, String columns, Object value) {}

  /**
   * Clears the way for rows about to be upserted.
   *
   * @return the key texts of the incoming rows that exist already, or null when the table has no
   *     unique key among the statement's columns (nothing was looked up)
   */
  Set<String> clear(
      Connection c,
      String where,
      TableMeta table,
      List<ColumnMeta> columns,
      List<List<Object>> rows)
      throws SQLException {
    List<List<ColumnMeta>> keys = uniqueKeys(table, columns);
    if (keys.isEmpty()) {
      return null;
    }
    List<ColumnMeta> pk = group(table.primaryKey(), columns);
    Set<String> incoming = new HashSet<>();
    Map<List<ColumnMeta>, List<List<Object>>> wanted = new LinkedHashMap<>();
    wanted.put(pk, new ArrayList<>());
    keys.forEach(k -> wanted.put(k, new ArrayList<>()));
    Map<List<ColumnMeta>, Map<String, String>> takers = new HashMap<>();
    Map<String, String> sentNames = new HashMap<>();
    for (List<Object> row : rows) {
      List<Object> key = values(row, columns, pk);
      String keyText = KeyText.of(key);
      incoming.add(keyText);
      String sent = sentKey.apply(row);
      if (sent != null) {
        sentNames.put(keyText, sent);
      }
      wanted.get(pk).add(key);
      for (List<ColumnMeta> unique : keys) {
        List<Object> value = values(row, columns, unique);
        if (!value.contains(null)) {
          requireDistinct(where, table, unique, value, keyText, takers);
          wanted.get(unique).add(value);
        }
      }
    }
    Set<String> existing = new HashSet<>();
    List<RowParker.Move> moves = new ArrayList<>();
    for (UniqueKeyHolders.Held held : holders.find(c, table, wanted)) {
      String heldKey = KeyText.of(held.key());
      if (incoming.contains(heldKey)) {
        existing.add(heldKey);
      }
      moveAsideIfTaken(where, table, keys, held, heldKey, incoming, takers, sentNames, moves);
    }
    forget(table.name(), incoming);
    parker.park(c, table, moves);
    return existing;
  }

  /** Rows rewritten with their unique values or deleted are no longer in anyone's way. */
  void forget(String table, Collection<String> keys) {
    for (String key : keys) {
      pending.remove(List.of(table, key));
    }
  }

  /** Refuses the first row whose value is still held by a row moved aside; then starts over. */
  void finish() {
    if (pending.isEmpty()) {
      return;
    }
    Parked first = pending.values().iterator().next();
    pending.clear();
    throw new RowRejectedException(
        "",
        first.table(),
        first.taker(),
        first.holder(),
        "unique key ("
            + first.columns()
            + ") value "
            + quoted(first.value())
            + " is held by the row with key "
            + first.holder()
            + ", which this transaction neither changed nor deleted");
  }

  private void moveAsideIfTaken(
      String where,
      TableMeta table,
      List<List<ColumnMeta>> keys,
      UniqueKeyHolders.Held held,
      String heldKey,
      Set<String> incoming,
      Map<List<ColumnMeta>, Map<String, String>> takers,
      Map<String, String> sentNames,
      List<RowParker.Move> moves) {
    boolean rewritten = incoming.contains(heldKey);
    Map<List<ColumnMeta>, String> takenBy = new LinkedHashMap<>();
    Map<List<ColumnMeta>, List<Object>> heldValues = new LinkedHashMap<>();
    for (List<ColumnMeta> unique : keys) {
      List<Object> value = unique.stream().map(col -> held.values().get(col.name())).toList();
      heldValues.put(unique, value);
      String by =
          value.contains(null) ? null : takers.getOrDefault(unique, Map.of()).get(loose(value));
      if (by != null && !by.equals(heldKey)) {
        takenBy.put(unique, by);
      }
    }
    List<ColumnMeta> aside = new ArrayList<>();
    String taker = null;
    for (List<ColumnMeta> unique : keys) {
      List<Object> value = heldValues.get(unique);
      String by = takenBy.get(unique);
      // the database matched a row we are not rewriting, so something incoming takes one of its
      // values even where our comparison cannot tell which: move all of them aside
      boolean unseen = !rewritten && takenBy.isEmpty() && !value.contains(null);
      if (by != null || unseen) {
        ColumnMeta column =
            RowParker.parkable(unique)
                .orElseThrow(
                    () ->
                        new RowRejectedException(
                            where,
                            table.name(),
                            heldKey,
                            null,
                            "unique key ("
                                + names(unique)
                                + ") cannot be"
                                + " moved aside to let another row take its value: no nullable or text column"));
        aside.add(column);
        if (!rewritten && taker == null) {
          taker = by != null ? by : "?";
          pending.put(
              List.of(table.name(), heldKey),
              new Parked(
                  table.name(),
                  heldKey,
                  sentNames.getOrDefault(taker, taker),
                  names(unique),
                  value.size() == 1 ? value.get(0) : value));
        }
      }
    }
    if (!aside.isEmpty()) {
      moves.add(new RowParker.Move(held.key(), heldKey, aside));
    }
  }

  /** Two rows of one statement with one value can never both stand. */
  private static void requireDistinct(
      String where,
      TableMeta table,
      List<ColumnMeta> unique,
      List<Object> value,
      String keyText,
      Map<List<ColumnMeta>, Map<String, String>> takers) {
    Map<String, String> byValue = takers.computeIfAbsent(unique, u -> new HashMap<>());
    String strict = KeyText.of(value);
    String other = byValue.get("=" + strict);
    if (other != null && !other.equals(keyText)) {
      throw new RowRejectedException(
          where,
          table.name(),
          keyText,
          other,
          "unique key ("
              + names(unique)
              + ") value "
              + quoted(value.size() == 1 ? value.get(0) : value)
              + " is also in the row with key "
              + other
              + " of the same statement");
    }
    byValue.put("=" + strict, keyText);
    byValue.put(loose(value), keyText);
  }

  private static String loose(List<Object> value) {
    StringBuilder text = new StringBuilder("~");
    value.forEach(v -> text.append(KeyText.loose(v)).append('\u001F'));
    return text.toString();
  }

  /** The table's unique keys whose columns the statement writes; others it cannot clash on. */
  private static List<List<ColumnMeta>> uniqueKeys(TableMeta table, List<ColumnMeta> columns) {
    List<String> names = columns.stream().map(ColumnMeta::name).toList();
    List<List<ColumnMeta>> keys = new ArrayList<>();
    for (List<String> key : table.uniqueKeys()) {
      if (names.containsAll(key)) {
        keys.add(group(key, columns));
      }
    }
    return keys;
  }

  private static List<ColumnMeta> group(List<String> names, List<ColumnMeta> columns) {
    return names.stream()
        .map(n -> columns.stream().filter(c -> c.name().equals(n)).findFirst().orElseThrow())
        .toList();
  }

  private static List<Object> values(
      List<Object> row, List<ColumnMeta> columns, List<ColumnMeta> group) {
    List<Object> values = new ArrayList<>(group.size());
    group.forEach(col -> values.add(row.get(columns.indexOf(col))));
    return values;
  }

  private static String names(List<ColumnMeta> columns) {
    return String.join(", ", columns.stream().map(ColumnMeta::name).toList());
  }

  private static String quoted(Object value) {
    return "'" + KeyText.of(value) + "'";
  }
}
