package io.branchsync.office.cli;

import io.branchsync.office.registry.Branch;
import io.branchsync.office.sync.Credentials;
import io.branchsync.office.sync.Office;
import io.branchsync.schema.idrange.IdRange;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code office branch add|list|remove}: the branch registry. */
@Command(
    name = "branch",
    mixinStandardHelpOptions = true,
    description = "Manage the branch registry.",
    subcommands = {
      BranchCommand.Add.class,
      BranchCommand.ListBranches.class,
      BranchCommand.Remove.class
    })
final class BranchCommand {

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a shop.")
  static final class Add implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Option(names = "--id", required = true, description = "branch number, 1 and up")
    int id;

    @Option(names = "--name", required = true, description = "a name people recognise")
    String name;

    @Option(
        names = "--url",
        required = true,
        description = "the shop's XML-RPC address, e.g. https://shop3.example:8743/RPC2")
    URI url;

    @Option(
        names = "--credentials",
        description =
            "where the branch secret is: env:VARIABLE or file:PATH"
                + " (default env:BRANCHSYNC_BRANCH_<id>_SECRET)")
    String credentials;

    @Option(
        names = "--policy-set",
        defaultValue = "retail",
        description = "policy set name or file (default: ${DEFAULT-VALUE})")
    String policySet;

    @Option(
        names = "--range-first",
        description = "first key of the branch's ID range" + " (default id x 10,000,000 + 1)")
    Long rangeFirst;

    @Option(names = "--range-last", description = "last key of the branch's ID range")
    Long rangeLast;

    @Override
    public Integer call() throws Exception {
      IdRange range =
          rangeFirst == null
              ? IdRange.forBranch(id)
              : new IdRange(
                  rangeFirst,
                  rangeLast == null ? rangeFirst + IdRange.DEFAULT_SIZE - 1 : rangeLast);
      try (Office office = config.open()) {
        office.policySet(policySet);
        office
            .branches()
            .add(
                new Branch(
                    id,
                    name,
                    url,
                    credentials == null ? Credentials.defaultRef(id) : credentials,
                    policySet,
                    range));
        System.out.println(
            "branch "
                + id
                + " ("
                + name
                + ") registered with IDs "
                + range
                + "; next: office provision "
                + id);
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List registered shops.")
  static final class ListBranches implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Override
    public Integer call() throws Exception {
      try (Office office = config.open()) {
        System.out.printf(
            "%-6s %-20s %-40s %-12s %-25s %s%n",
            "BRANCH", "NAME", "URL", "POLICY SET", "ID RANGE", "CREDENTIALS");
        for (Branch b : office.branches().list()) {
          System.out.printf(
              "%-6d %-20s %-40s %-12s %-25s %s%n",
              b.id(), b.name(), b.url(), b.policySet(), b.idRange(), b.credentialsShown());
        }
      }
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Forget a shop (its rows at the office stay).")
  static final class Remove implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Parameters(paramLabel = "BRANCH", description = "branch number")
    int id;

    @Override
    public Integer call() throws Exception {
      try (Office office = config.open()) {
        if (!office.branches().remove(id)) {
          System.err.println("office: no branch " + id);
          return 1;
        }
        System.out.println("branch " + id + " removed");
      }
      return 0;
    }
  }
}
