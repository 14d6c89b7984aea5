package io.branchsync.shop.it;

import io.branchsync.schema.chunk.DeleteByKey;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.chunk.Upsert;
import java.util.ArrayList;
import java.util.List;

/** Chunk statements of the demo retail tables, for tests. */
public final class Rows {

  private Rows() {}

  /** Products {@code first} to {@code first + count - 1}. */
  public static Upsert products(long first, int count) {
    List<List<SqlValue>> rows = new ArrayList<>();
    for (long id = first; id < first + count; id++) {
      rows.add(
          List.of(
              SqlValue.number(id),
              SqlValue.text("SKU-" + id),
              SqlValue.text("Product " + id),
              SqlValue.number(new java.math.BigDecimal("9.99"))));
    }
    return new Upsert("product", List.of("id", "sku", "description", "price"), List.of("id"), rows);
  }

  /** One product with the given description. */
  public static Upsert product(long id, String description) {
    return new Upsert(
        "product",
        List.of("id", "sku", "description", "price"),
        List.of("id"),
        List.of(
            List.of(
                SqlValue.number(id),
                SqlValue.text("SKU-" + id),
                SqlValue.text(description),
                SqlValue.number(new java.math.BigDecimal("1.00")))));
  }

  /** People with the given ids. */
  public static Upsert people(long first, int count) {
    List<List<SqlValue>> rows = new ArrayList<>();
    for (long id = first; id < first + count; id++) {
      rows.add(List.of(SqlValue.number(id), SqlValue.text("Person " + id)));
    }
    return new Upsert("person", List.of("id", "name"), List.of("id"), rows);
  }

  /** Deletes products by id. */
  public static DeleteByKey deleteProducts(long... ids) {
    List<List<SqlValue>> keys = new ArrayList<>();
    for (long id : ids) {
      keys.add(List.of(SqlValue.number(id)));
    }
    return new DeleteByKey("product", List.of("id"), keys);
  }
}
