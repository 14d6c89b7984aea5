package io.branchsync.bench;

import io.branchsync.testkit.TestDialect;
import java.util.Locale;

/** Names and numbers as the result table writes them. */
final class Labels {
  private Labels() {}

  static String of(TestDialect dialect) {
    return dialect == TestDialect.POSTGRESQL ? "PostgreSQL" : "MariaDB";
  }

  /** 200000 as {@code 200,000}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
