package io.branchsync.demo;

import io.branchsync.testkit.TestDialect;
import java.util.List;

/**
 * Which database the office and each of shops 1, 2 and 3 run on. MariaDB sits both below and above
 * PostgreSQL shops in branch order, since its AUTO_INCREMENT moves past explicit keys of higher
 * branch ranges and must not take keys from them.
 */
enum ChainPairing {
  ALL_POSTGRESQL(
      TestDialect.POSTGRESQL,
      TestDialect.POSTGRESQL,
      TestDialect.POSTGRESQL,
      TestDialect.POSTGRESQL),
  OFFICE_POSTGRESQL(
      TestDialect.POSTGRESQL, TestDialect.POSTGRESQL, TestDialect.MARIADB, TestDialect.MARIADB),
  OFFICE_MARIADB(
      TestDialect.MARIADB, TestDialect.MARIADB, TestDialect.POSTGRESQL, TestDialect.POSTGRESQL);

  private final TestDialect office;
  private final List<TestDialect> shops;

  ChainPairing(TestDialect office, TestDialect... shops) {
    this.office = office;
    this.shops = List.of(shops);
  }

  TestDialect office() {
    return office;
  }

  /** Shop dialects by branch: element 0 is branch 1. */
  List<TestDialect> shops() {
    return shops;
  }

  /** For assertion messages, e.g. "office POSTGRESQL, shops 1 POSTGRESQL 2 MARIADB 3 MARIADB". */
  String describe() {
    StringBuilder text = new StringBuilder("office " + office + ", shops");
    for (int i = 0; i < shops.size(); i++) {
      text.append(' ').append(i + 1).append(' ').append(shops.get(i));
    }
    return text.toString();
  }
}
