package io.branchsync.office.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.branchsync.schema.chunk.ChunkStatement;
import io.branchsync.schema.chunk.DeleteByKey;
import io.branchsync.schema.chunk.SqlValue;
import io.branchsync.schema.chunk.Upsert;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowKeysTest {
  private static final Upsert PEOPLE =
      new Upsert(
          "person",
          List.of("name", "id"),
          List.of("id"),
          List.of(
              List.of(new SqlValue.Text("Ana"), new SqlValue.Number("5")),
              List.of(new SqlValue.Text("Bo"), new SqlValue.Number("6"))));

  @Test
  void keysFollowTheKeyColumnsWhereverTheyStand() {
    assertEquals(List.of("5", "6"), RowKeys.keysOf(PEOPLE));
    DeleteByKey composite =
        new DeleteByKey(
            "stock",
            List.of("store", "sku"),
            List.of(List.of(new SqlValue.Number("1"), new SqlValue.Text("A-1"))));
    assertEquals(List.of("1|A-1"), RowKeys.keysOf(composite));
  }

  @Test
  void droppingRowsKeepsTheRestAndDroppingAllLeavesNothing() {
    Upsert kept = (Upsert) RowKeys.without(PEOPLE, "5"::equals);
    assertEquals(List.of("6"), RowKeys.keysOf(kept));
    assertSame(PEOPLE, RowKeys.without(PEOPLE, "7"::equals));
    ChunkStatement none = RowKeys.without(PEOPLE, key -> true);
    assertNull(none);
  }

  @Test
  void describesARowForTheConflictLog() {
    assertEquals("name=Ana, id=5", RowKeys.describe(PEOPLE.columns(), PEOPLE.rows().get(0)));
    assertEquals("\\x00ff", SqlValue.plainText(new SqlValue.Bytes(new byte[] {0, -1})));
    assertEquals("NULL", SqlValue.plainText(SqlValue.NULL));
  }
}
