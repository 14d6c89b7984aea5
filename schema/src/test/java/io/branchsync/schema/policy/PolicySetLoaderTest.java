package io.branchsync.schema.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicySetLoaderTest {

  private static PolicySet parse(String text) throws Exception {
    return PolicySetLoader.parse("test", new StringReader(text));
  }

  private static String rejection(String text) {
    SyncException e = assertThrows(SyncException.class, () -> parse(text));
    assertEquals(ErrorCode.BAD_POLICY, e.code());
    return e.getMessage();
  }

  @Test
  void builtInRetailSetMatchesTheDesign() {
    PolicySet retail = PolicySetLoader.load("retail");
    assertEquals(Policy.Initial, retail.policyOf("parameter").orElseThrow());
    assertEquals(Policy.FromSource, retail.policyOf("product").orElseThrow());
    assertEquals(Policy.Both, retail.policyOf("person").orElseThrow());
    assertEquals(
        List.of("sale", "sale_item", "payment"), retail.tables(p -> p == Policy.FromTarget));
    assertEquals(ConflictRule.OFFICE_WINS, retail.conflictRule());
  }

  @Test
  void readsCommentsPolicyNamesInAnyCaseAndTheConflictRule() throws Exception {
    PolicySet set =
        parse("# chain\n@conflict = branch-wins\nitem = fromsource  # catalog\n\nline = Both\n");
    assertEquals(ConflictRule.BRANCH_WINS, set.conflictRule());
    assertEquals(List.of("item", "line"), List.copyOf(set.policies().keySet()));
  }

  @Test
  void rejectsATableNamedTwiceWithItsLine() {
    String message = rejection("person = Both\nsale = FromTarget\nperson = FromSource\n");
    assertTrue(message.contains("line 3") && message.contains("person is named twice"), message);
  }

  @Test
  void rejectsUnknownPolicyNamingTheTable() {
    String message = rejection("person = Sideways\n");
    assertTrue(message.contains("person") && message.contains("Sideways"), message);
  }

  @Test
  void rejectsUnknownConflictRuleAndMalformedLines() {
    assertTrue(rejection("@conflict = coin-toss\nx = Both").contains("coin-toss"));
    assertTrue(rejection("just words\n").contains("line 1"));
    assertTrue(rejection("\"weird name\" = Both\n").contains("not a plain"));
    assertTrue(rejection("# nothing\n").contains("names no table"));
  }

  @Test
  void unknownBuiltInSetIsAClearError() {
    SyncException e = assertThrows(SyncException.class, () -> PolicySetLoader.load("no-such-set"));
    assertTrue(e.getMessage().contains("no-such-set"));
  }
}
