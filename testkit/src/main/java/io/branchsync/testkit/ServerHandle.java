package io.branchsync.testkit;

/**
 * A resolved server: where it answers, where it came from, and how to stop it if the test kit
 * started it.
 *
 * @param detail what {@link Origin} needs to say where exactly, e.g. the setting's name and URL
 * @param stopper stops the server; does nothing for a server the test kit did not start
 */
record ServerHandle(ServerEndpoint endpoint, Origin origin, String detail, Runnable stopper) {

  /** Where a server came from, in the resolution order. */
  enum Origin {
    ENVIRONMENT,
    CONTAINER,
    EMBEDDED;

    String describe(String productVersion, String detail) {
      return switch (this) {
        case ENVIRONMENT -> productVersion + " from " + detail;
        case CONTAINER -> productVersion + " in Testcontainers " + detail;
        case EMBEDDED -> "embedded " + productVersion + " (" + detail + ")";
      };
    }
  }

  static ServerHandle external(ServerEndpoint endpoint, String detail) {
    return new ServerHandle(endpoint, Origin.ENVIRONMENT, detail, () -> {});
  }
}
