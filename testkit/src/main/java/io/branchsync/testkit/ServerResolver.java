package io.branchsync.testkit;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks where a dialect's test server comes from: a server the settings name, else a container when
 * Docker answers, else embedded binaries from Maven Central.
 */
final class ServerResolver {

  private static final Logger LOG = LoggerFactory.getLogger(ServerResolver.class);

  private ServerResolver() {}

  static ServerHandle resolve(TestDialect dialect, ScratchDirectory scratch) {
    Optional<ServerHandle> configured = EnvironmentServerSource.find(dialect);
    if (configured.isPresent()) {
      return configured.get();
    }
    if (ContainerServerSource.dockerAvailable()) {
      return ContainerServerSource.start(dialect);
    }
    LOG.info(
        "{} not set and no Docker engine: starting an embedded {} server",
        TestkitSetting.url(dialect).key(),
        dialect);
    return switch (dialect) {
      case POSTGRESQL -> EmbeddedPostgresServer.start(scratch.newChild("postgresql"));
      case MARIADB -> EmbeddedMariaDbServer.start(scratch.newChild("mariadb"));
    };
  }
}
