package io.branchsync.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Resolution step 2: a throw-away container, when a Docker engine answers. */
final class ContainerServerSource {

  static final String POSTGRES_IMAGE = "postgres:16-alpine";
  static final String MARIADB_IMAGE = "mariadb:11.4";

  private ContainerServerSource() {}

  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  static ServerHandle start(TestDialect dialect) {
    JdbcDatabaseContainer<?> container =
        switch (dialect) {
          case POSTGRESQL -> new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE));
          // root, so that the account may create and drop databases.
          case MARIADB ->
              new ConnectorJMariaDbContainer(DockerImageName.parse(MARIADB_IMAGE))
                  .withUsername("root");
        };
    container.start();
    JdbcUrl given = JdbcUrl.parse(container.getJdbcUrl(), container.getDockerImageName());
    ServerEndpoint endpoint =
        ServerEndpoint.of(dialect, given, container.getUsername(), container.getPassword());
    return new ServerHandle(
        endpoint, ServerHandle.Origin.CONTAINER, container.getDockerImageName(), container::stop);
  }

  /**
   * Testcontainers checks a MariaDB container with MariaDB's own JDBC driver, which the project
   * does not ship; this makes it check with MySQL Connector/J, the driver the sync engine uses.
   */
  static final class ConnectorJMariaDbContainer
      extends MariaDBContainer<ConnectorJMariaDbContainer> {

    ConnectorJMariaDbContainer(DockerImageName image) {
      super(image);
    }

    @Override
    public String getDriverClassName() {
      return "com.mysql.cj.jdbc.Driver";
    }

    @Override
    public String getJdbcUrl() {
      return super.getJdbcUrl().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
    }
  }
}
