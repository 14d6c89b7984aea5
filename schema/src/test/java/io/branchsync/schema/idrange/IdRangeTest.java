package io.branchsync.schema.idrange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdRangeTest {
  @Test
  void branchNOwnsItsTenMillionKeys() {
    assertEquals(new IdRange(1, 10_000_000), IdRange.forBranch(0));
    assertEquals(new IdRange(10_000_001, 20_000_000), IdRange.forBranch(1));
    assertEquals(10_000_000, IdRange.forBranch(40).size());
  }

  @Test
  void neighbouringRangesNeverOverlap() {
    for (int branch = 0; branch < 100; branch++) {
      assertFalse(IdRange.forBranch(branch).overlaps(IdRange.forBranch(branch + 1)));
    }
    assertTrue(new IdRange(5, 15).overlaps(new IdRange(15, 20)));
  }

  @Test
  void rejectsEmptyAndNegativeRanges() {
    assertThrows(IllegalArgumentException.class, () -> new IdRange(0, 5));
    assertThrows(IllegalArgumentException.class, () -> new IdRange(9, 5));
    assertThrows(IllegalArgumentException.class, () -> IdRange.forBranch(-1));
  }
}
