package io.branchsync.shop.cli;

/** A command that cannot do what was asked, for a reason its message tells the operator. */
final class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CommandFailure(String message) {
    super(message);
  }
}
