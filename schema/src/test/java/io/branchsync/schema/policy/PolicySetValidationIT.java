package io.branchsync.schema.policy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.schema.RetailDatabase;
import io.branchsync.schema.SyncException;
import io.branchsync.testkit.TestDialect;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PolicySetValidationIT {

  private static String rejection(RetailDatabase db, String text) throws Exception {
    PolicySet set = PolicySetLoader.parse("test", new StringReader(text));
    var catalog = db.catalog();
    return assertThrows(SyncException.class, () -> set.validate(catalog)).getMessage();
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void retailSetFitsTheDemoSchema(TestDialect dialect) throws Exception {
    try (RetailDatabase db = new RetailDatabase(dialect)) {
      db.policies.validate(db.catalog());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDialect.class)
  void rejectsUnknownTableKeylessTableAndUnsequencedKeysNamingTheTable(TestDialect dialect)
      throws Exception {
    try (RetailDatabase db = new RetailDatabase(dialect)) {
      db.exec(
          "CREATE TABLE note (body VARCHAR(20))",
          "CREATE TABLE code_list (code VARCHAR(20) PRIMARY KEY)",
          "CREATE TABLE pair (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b))");
      String unknown = rejection(db, "ghost = FromSource\n");
      assertTrue(unknown.contains("ghost") && unknown.contains("not a table"), unknown);
      String keyless = rejection(db, "note = FromSource\n");
      assertTrue(keyless.contains("note") && keyless.contains("no primary key"), keyless);
      String text = rejection(db, "code_list = Both\n");
      assertTrue(text.contains("code_list") && text.contains("sequence"), text);
      String composite = rejection(db, "pair = FromTarget\n");
      assertTrue(composite.contains("pair"), composite);
      // A text or composite key is fine where shops never create rows.
      PolicySetLoader.parse("ok", new StringReader("code_list = FromSource\npair = Initial\n"))
          .validate(db.catalog());
    }
  }
}
