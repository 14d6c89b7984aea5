package io.branchsync.shop;

import io.branchsync.protocol.FaultCode;
import io.branchsync.shop.internal.auth.BranchAuthenticator;
import io.branchsync.shop.internal.auth.SecretStore;
import io.branchsync.shop.internal.db.SchemaSetup;
import io.branchsync.shop.internal.db.ShopDatabase;
import io.branchsync.shop.internal.http.HttpEndpoint;
import io.branchsync.shop.internal.rpc.ShopHandlerMapping;
import io.branchsync.shop.internal.rpc.XmlRpcCodec;
import io.branchsync.shop.internal.service.DiffService;
import io.branchsync.shop.internal.service.SessionService;
import io.branchsync.shop.internal.service.ShopService;
import io.branchsync.shop.internal.session.ChunkValidator;
import io.branchsync.shop.internal.session.OfficeLease;
import io.branchsync.shop.internal.session.SessionApplier;
import io.branchsync.shop.internal.session.SessionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A running shop: the XML-RPC server of one branch, serving the wire contract over HTTP or HTTPS to
 * the office that holds the branch's secret.
 *
 * <p>{@link #start(ShopConfig)} does not create or migrate the schema ({@code shop init} or {@link
 * ShopInitializer} does); it checks that the schema exists, belongs to this branch and fits the
 * policy set, and refuses to start otherwise. {@link #close()}, also run by a JVM shutdown hook,
 * stops accepting calls, lets a {@code sql_finish} in progress commit or roll back whole (waiting
 * up to {@value #GRACE_SECONDS} s), rolls back open sessions and closes the pool.
 */
public final class ShopServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ShopServer.class);
  private static final int GRACE_SECONDS = 30;

  /** Credential checks that may wait for the two hashing threads, all addresses together. */
  private static final int HASH_QUEUE = 64;

  private static final String BRANCH_KEY = "branch";
  // once calls have ended, their replies are on the way; a few seconds lets them arrive
  private static final int REPLY_GRACE_SECONDS = 5;

  private final ShopConfig config;
  private final ShopService service;
  private final HttpEndpoint http;
  private final Deque<AutoCloseable> resources;
  private final Thread shutdownHook;
  private boolean closed;

  private ShopServer(
      ShopConfig config, ShopService service, HttpEndpoint http, Deque<AutoCloseable> resources) {
    this.config = config;
    this.service = service;
    this.http = http;
    this.resources = resources;
    this.shutdownHook = new Thread(this::close, "shop-shutdown");
  }

  /**
   * Checks the database and starts serving.
   *
   * @param config the shop's configuration
   * @return the running server
   * @throws ShopConfigException if the configuration cannot serve (no secret file, no TLS and no
   *     {@code http.plain})
   * @throws io.branchsync.schema.SyncException if the database is unreachable, has no schema,
   *     belongs to another branch or does not fit the policy set
   * @throws IllegalStateException if the secret file or keystore is unusable
   * @throws UncheckedIOException if the address cannot be bound
   */
  public static ShopServer start(ShopConfig config) {
    config.requireServable();
    SecretStore secret = new SecretStore(config.secretFile());
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    try {
      ShopDatabase database = ShopDatabase.open(config);
      resources.push(database);
      new SchemaSetup(database, config.branch()).check();
      // read once now, so that the first sql_finish or diff does not pay for it
      database.catalog();
      // refusals and header deadlines: many short tasks, most cancelled before they are due
      ScheduledThreadPoolExecutor timer =
          new ScheduledThreadPoolExecutor(1, HttpEndpoint.named("shop-timer"));
      timer.setRemoveOnCancelPolicy(true);
      resources.push(timer::shutdownNow);
      // the session sweep of its own: rolling a session back may wait on the database
      ScheduledExecutorService sweeper =
          Executors.newSingleThreadScheduledExecutor(HttpEndpoint.named("shop-sessions"));
      resources.push(sweeper::shutdownNow);
      OfficeLease lease = new OfficeLease(System::nanoTime);
      SessionRegistry registry =
          new SessionRegistry(
              config.limits().sessions(), config.limits().sessionIdle(), System::nanoTime, lease);
      ShopService service = service(config, database, registry);
      // a few open sessions at most, so sweeping often is cheap, and a dead office's locks go soon
      long sweep = Math.max(1, Math.min(5, config.limits().sessionIdle().toSeconds() / 4));
      sweeper.scheduleWithFixedDelay(registry::expireIdle, sweep, sweep, TimeUnit.SECONDS);
      // two slow hashes at a time at most, so a flood of guesses cannot take every processor
      // and a bounded queue: guesses from many addresses cannot pile up ahead of the office for
      // minutes; a full queue is answered 429, which the office retries after its backoff
      ExecutorService hashing =
          new ThreadPoolExecutor(
              2,
              2,
              0,
              TimeUnit.MILLISECONDS,
              new ArrayBlockingQueue<>(HASH_QUEUE),
              HttpEndpoint.named("shop-auth"));
      resources.push(hashing::shutdownNow);
      HttpEndpoint http =
          HttpEndpoint.start(
              config,
              new BranchAuthenticator(config.branch(), secret, hashing, timer),
              new XmlRpcCodec(new ShopHandlerMapping(service)),
              timer,
              lease);
      // sessions are rolled back after the last call ended and before the pool closes
      resources.push(() -> registry.discardAll(FaultCode.SHUTTING_DOWN, "the shop stopped"));
      ShopServer server = new ShopServer(config, service, http, resources);
      Runtime.getRuntime().addShutdownHook(server.shutdownHook);
      server.announce();
      return server;
    } catch (IOException e) {
      closeAll(resources);
      throw new UncheckedIOException(
          "cannot listen on " + config.listenHost() + ":" + config.listenPort(), e);
    } catch (RuntimeException | Error e) {
      closeAll(resources);
      throw e;
    }
  }

  private static ShopService service(
      ShopConfig config, ShopDatabase database, SessionRegistry registry) {
    Set<String> fromOffice = database.officeToShopTables();
    ShopLimits limits = config.limits();
    ChunkValidator validator =
        new ChunkValidator(
            database.dialect().sqlDialect(), database.policies(), fromOffice, limits.chunkBytes());
    SessionService sessions =
        new SessionService(
            registry, new SessionApplier(database, validator, fromOffice), limits.sessionBytes());
    return new ShopService(
        config.branch(),
        database,
        registry,
        sessions,
        new DiffService(database, limits.diffMaxChanges()),
        config.cleanAllowPending(),
        config.idRangeSize());
  }

  private void announce() {
    MDC.put(BRANCH_KEY, Integer.toString(config.branch()));
    try {
      announceInContext();
    } finally {
      MDC.remove(BRANCH_KEY);
    }
  }

  private void announceInContext() {
    LOG.info(
        "Shop of branch {} serving {} (user {})",
        config.branch(),
        url(),
        BranchAuthenticator.userFor(config.branch()));
    if (!config.tls()) {
      LOG.warn(
          "Serving plain HTTP (http.plain=true): the branch secret and the data cross the"
              + " network readable. Set tls.keystore unless this address is loopback or a VPN.");
    }
    LOG.debug("Configuration: {}", config);
  }

  /**
   * Where the office calls this shop.
   *
   * @return for example {@code http://127.0.0.1:8743/RPC2}
   */
  public URI url() {
    return http.url();
  }

  /**
   * The port listened on; the chosen one when the configuration said port 0.
   *
   * @return the port
   */
  public int port() {
    return http.port();
  }

  /**
   * The configuration the server runs with.
   *
   * @return the configuration
   */
  public ShopConfig config() {
    return config;
  }

  /**
   * Stops the server: no new calls, calls in progress finish (up to {@value #GRACE_SECONDS} s,
   * after which closing the pool rolls back what is still running), open sessions are rolled back.
   * Calling it again does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    MDC.put(BRANCH_KEY, Integer.toString(config.branch()));
    try {
      stop();
    } finally {
      MDC.remove(BRANCH_KEY);
    }
  }

  private void stop() {
    LOG.info("Stopping the shop of branch {}", config.branch());
    if (!service.stop(Duration.ofSeconds(GRACE_SECONDS))) {
      LOG.warn("Calls still running after {} s; closing the pool rolls them back", GRACE_SECONDS);
    }
    http.stop(Duration.ofSeconds(REPLY_GRACE_SECONDS));
    closeAll(resources);
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down and will run the hook, which then returns at once
      }
    }
    LOG.info("Shop of branch {} stopped", config.branch());
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        LOG.warn("Error while stopping: {}", e.toString());
      }
    }
  }
}
