package io.branchsync.schema.policy;

import io.branchsync.schema.ErrorCode;
import io.branchsync.schema.SyncException;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.catalog.TableMeta;
import io.branchsync.schema.dialect.CaptureColumns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A named mapping of tables to policies plus the conflict rule, as loaded from a policy set file.
 * Tables not named are never synced.
 */
public final class PolicySet {
  private final String name;
  private final Map<String, Policy> policies;
  private final ConflictRule conflictRule;

  PolicySet(String name, Map<String, Policy> policies, ConflictRule conflictRule) {
    this.name = name;
    this.policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
    this.conflictRule = conflictRule;
  }

  public String name() {
    return name;
  }

  public ConflictRule conflictRule() {
    return conflictRule;
  }

  /** Tables in the order the file names them. */
  public Map<String, Policy> policies() {
    return policies;
  }

  public Optional<Policy> policyOf(String table) {
    return Optional.ofNullable(policies.get(table));
  }

  /** Tables whose policy matches, in file order. */
  public List<String> tables(Predicate<Policy> filter) {
    List<String> tables = new ArrayList<>();
    policies.forEach(
        (table, policy) -> {
          if (filter.test(policy)) {
            tables.add(table);
          }
        });
    return tables;
  }

  /**
   * Checks the set against a real database: every table exists and has a primary key of at most
   * {@value CaptureColumns#KEY_PARTS} columns; tables whose rows shops create have a single
   * sequence-backed integer key, since ID ranges are handed out through it.
   *
   * @throws SyncException BAD_POLICY naming the first table that breaks a rule
   */
  public void validate(SchemaCatalog catalog) {
    policies.forEach(
        (table, policy) -> {
          TableMeta meta =
              catalog.find(table).orElseThrow(() -> bad(table, "is not a table of this database"));
          if (meta.primaryKey().isEmpty()) {
            throw bad(table, "has no primary key; every synced table needs one");
          }
          if (meta.primaryKey().size() > CaptureColumns.KEY_PARTS) {
            throw bad(
                table, "has a primary key of more than " + CaptureColumns.KEY_PARTS + " columns");
          }
          if (policy.needsIdRange() && meta.sequenceKey().isEmpty()) {
            throw bad(
                table,
                "is "
                    + policy
                    + " but its key is not a single integer filled by a sequence or AUTO_INCREMENT,"
                    + " so branches cannot be given ID ranges");
          }
        });
  }

  private SyncException bad(String table, String why) {
    return new SyncException(
        ErrorCode.BAD_POLICY, "policy set " + name + ": table " + table + " " + why);
  }
}
