package io.branchsync.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScratchDatabaseTest {

  @Test
  void namesAreLowerCaseAndSayTheDialect() {
    assertTrue(
        ScratchDatabase.newName(TestDialect.POSTGRESQL).matches("bs_postgresql_[a-z0-9]{10}"));
    assertTrue(ScratchDatabase.newName(TestDialect.MARIADB).matches("bs_mariadb_[a-z0-9]{10}"));
  }

  @Test
  void namesDoNotRepeat() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      names.add(ScratchDatabase.newName(TestDialect.MARIADB));
    }
    assertEquals(10_000, names.size());
  }
}
