package io.branchsync.demo;

import java.util.List;
import java.util.Random;

/**
 * One fault on the link between the office and a shop during one sync, drawn from a seed: a reply
 * lost, cut short or held past the office's read timeout, the shop stopping, or the office process
 * killed, each at a chosen call (method and how many of it so far), before the shop saw the call or
 * after it answered.
 *
 * @param kind what goes wrong
 * @param method the protocol method it happens at
 * @param nth at which call of that method in the run (1 = the first)
 * @param afterShop for a stop or a kill: once the shop has carried the call out
 * @param keptBytes for a cut reply: how much of it arrives
 */
record LinkFault(Kind kind, String method, int nth, boolean afterShop, int keptBytes) {

  enum Kind {
    NONE,
    LOSE_REPLY,
    CUT_REPLY,
    HOLD_REPLY,
    SHOP_STOPS,
    OFFICE_KILLED
  }

  // the calls a sync run makes; info carries no state worth breaking
  private static final List<String> METHODS =
      List.of("sql_prepare", "sql_create", "sql_finish", "diff");

  static LinkFault draw(Random random) {
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    return new LinkFault(
        kind,
        METHODS.get(random.nextInt(METHODS.size())),
        random.nextInt(4) == 0 ? 2 : 1,
        random.nextBoolean(),
        random.nextInt(300));
  }

  boolean killsTheOffice() {
    return kind == Kind.OFFICE_KILLED;
  }

  /** Arms the proxy; {@code death} is what dies for a stop or a kill. */
  void arm(LossyProxy proxy, Runnable death) {
    switch (kind) {
      case NONE -> {}
      case LOSE_REPLY -> proxy.loseRepliesWhen(this::matches);
      case CUT_REPLY -> proxy.cutRepliesWhen(this::matches, keptBytes);
      case HOLD_REPLY -> proxy.holdRepliesWhen(this::matches);
      case SHOP_STOPS, OFFICE_KILLED -> proxy.interruptWhen(this::matches, afterShop, death);
    }
  }

  private boolean matches(String called, int count) {
    return called.equals(method) && count == nth;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NONE -> "no fault";
      case CUT_REPLY -> "reply to " + method + " #" + nth + " cut after " + keptBytes + " bytes";
      case SHOP_STOPS, OFFICE_KILLED ->
          kind.name().toLowerCase().replace('_', ' ')
              + " at "
              + method
              + " #"
              + nth
              + (afterShop ? " after the shop answered" : " before the shop saw it");
      default -> kind.name().toLowerCase().replace('_', ' ') + " at " + method + " #" + nth;
    };
  }
}
