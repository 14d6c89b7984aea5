package io.branchsync.schema.capture;

import io.branchsync.schema.SyncException;
import io.branchsync.schema.catalog.SchemaCatalog;
import io.branchsync.schema.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * Installs and removes the change-capture triggers of a set of tables, from the database's
 * metadata.
 */
public final class CaptureInstaller {
  private final Dialect dialect;

  public CaptureInstaller(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Installs capture on every table named.
   *
   * @param logRemote whether writes applied by sync (marked with an origin) are logged as well; the
   *     office needs them to pass a shop's change on to the other shops, a shop does not
   */
  public void install(Connection connection, Collection<String> tables, boolean logRemote) {
    SchemaCatalog catalog = SchemaCatalog.read(connection);
    for (String table : tables) {
      run(connection, dialect.installCapture(catalog.require(table), logRemote), table);
    }
  }

  public void uninstall(Connection connection, Collection<String> tables) {
    for (String table : tables) {
      run(connection, dialect.uninstallCapture(table), table);
    }
  }

  private static void run(Connection connection, Iterable<String> statements, String table) {
    try (Statement s = connection.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw SyncException.fromSql("installing change capture on " + table, e);
    }
  }
}
