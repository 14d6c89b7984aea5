package io.branchsync.office.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code office sync} accepts on its command line (the help shows BRANCH...). */
class SyncCommandTest {

  private static SyncCommand parsed(String... args) {
    SyncCommand command = new SyncCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void takesSeveralBranchesOrAll() {
    assertEquals(List.of(1, 2, 7), parsed("1", "2", "7").which.ids);
    assertTrue(parsed("--all").which.all);
  }

  @Test
  void refusesBothOrNeither() {
    assertThrows(CommandLine.ParameterException.class, () -> parsed("1", "--all"));
    assertThrows(CommandLine.ParameterException.class, () -> parsed());
  }
}
