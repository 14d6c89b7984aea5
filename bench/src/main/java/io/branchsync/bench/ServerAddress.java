package io.branchsync.bench;

import io.branchsync.testkit.TestDatabase;

/**
 * Host, port and database name of a test database, for the command-line clients ({@code pg_dump},
 * {@code psql}, {@code mysqldump}, {@code mysql}), taken from its JDBC URL.
 */
record ServerAddress(String host, String port, String database) {

  static ServerAddress of(TestDatabase database) {
    String url = database.jdbcUrl();
    int slashes = url.indexOf("://");
    String rest = url.substring(slashes + 3);
    int question = rest.indexOf('?');
    String path = question < 0 ? rest : rest.substring(0, question);
    int slash = path.indexOf('/');
    String hostPort = slash < 0 ? path : path.substring(0, slash);
    String name = slash < 0 ? database.name() : path.substring(slash + 1);
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0 || hostPort.endsWith("]")) {
      return new ServerAddress(hostPort, "", name);
    }
    return new ServerAddress(hostPort.substring(0, colon), hostPort.substring(colon + 1), name);
  }
}
