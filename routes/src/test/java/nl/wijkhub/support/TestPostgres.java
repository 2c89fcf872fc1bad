package nl.wijkhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the integration tests use, started on first use and stopped when the test JVM ends, so that
 * {@code ./mvnw verify} needs no database set up beforehand. In order of preference:
 * <ol>
 *   <li>{@code WIJKHUB_TEST_DB_URL} (with {@code WIJKHUB_TEST_DB_USER}, {@code WIJKHUB_TEST_DB_PASSWORD}): a database
 *       someone runs already; nothing is started.</li>
 *   <li>A Testcontainers {@code postgres:15} container when a Docker engine is reachable; Testcontainers' own reaper
 *       removes it if the test JVM is killed.</li>
 *   <li>The machine's own PostgreSQL binaries (Debian's {@code postgresql} package): a fresh cluster in a temporary
 *       folder on a free loopback port, run as the {@code postgres} user when the tests run as root ({@code initdb}
 *       refuses root). A small shell watchdog, started beside it, stops that cluster and removes its folder once
 *       the test JVM is gone, also when the JVM was killed and its shutdown hook never ran.</li>
 * </ol>
 * Either way the tests get role {@code wijkhub} (password {@code wijkhub}) and database {@code wijkhub_test}, and a
 * separate owner role that runs the migrations ({@code spring.flyway.user}), so that the hub's role owns no table, as
 * in production (docs/privacy.md). A configured database names that role in {@code WIJKHUB_TEST_DB_OWNER_USER} and
 * {@code _PASSWORD}; without them the migrations run as the hub's role, and the processing log's owner checks fail.
 */
public final class TestPostgres {

  private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
  private static final String DATABASE = "wijkhub_test";
  private static final String USER = "wijkhub";
  private static final String PASSWORD = "wijkhub";
  private static final String OWNER = "wijkhub_owner";
  private static final String OWNER_PASSWORD = "wijkhub_owner";
  /** The hub's role under Docker, where the image's own role is a superuser and so becomes the owner. */
  private static final String CONTAINER_HUB = "wijkhub_hub";
  private static final Path BINARIES = Path.of("/usr/lib/postgresql");

  /**
   * A login in the retention role, for the processing log's purge (ProcessingLogRetentionIT); made in the local
   * cluster only: a database given by {@code WIJKHUB_TEST_DB_URL} needs it created by its owner.
   */
  public static final String RETENTION_USER = "wijkhub_retention_job";
  public static final String RETENTION_PASSWORD = "wijkhub_retention_job";

  /** Where the tests connect: JDBC URL, the hub's user and password, and the owner's that runs the migrations. */
  public record Endpoint(String url, String user, String password, String owner, String ownerPassword) {}

  private static Endpoint endpoint;

  private TestPostgres() {}

  /** The database for the tests, started on the first call. */
  public static synchronized Endpoint endpoint() {
    if (endpoint == null) {
      long startedAt = System.nanoTime();
      endpoint = configured().orElseGet(() -> dockerAvailable() ? container() : localCluster());
      LOG.info("Test PostgreSQL at {} ready in {} ms", endpoint.url(), (System.nanoTime() - startedAt) / 1_000_000);
    }
    return endpoint;
  }

  private static Optional<Endpoint> configured() {
    return env("WIJKHUB_TEST_DB_URL").map(url -> {
      String user = env("WIJKHUB_TEST_DB_USER").orElse(USER);
      String password = env("WIJKHUB_TEST_DB_PASSWORD").orElse(PASSWORD);
      return new Endpoint(url, user, password, env("WIJKHUB_TEST_DB_OWNER_USER").orElse(user),
          env("WIJKHUB_TEST_DB_OWNER_PASSWORD").orElse(password));
    });
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static Endpoint container() {
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:15")
        .withDatabaseName(DATABASE).withUsername(USER).withPassword(PASSWORD);
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-stop"));
    try (Connection admin = DriverManager.getConnection(container.getJdbcUrl(), USER, PASSWORD);
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE ROLE " + CONTAINER_HUB + " LOGIN PASSWORD '" + PASSWORD + "'");
      sql.execute("CREATE ROLE wijkhub_retention NOLOGIN");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the test roles: " + e.getMessage(), e);
    }
    return new Endpoint(container.getJdbcUrl(), CONTAINER_HUB, PASSWORD, USER, PASSWORD);
  }

  private static Endpoint localCluster() {
    Path bin = binaries();
    try {
      Path dir = Files.createTempDirectory("wijkhub-test-pg");
      Path data = dir.resolve("data");
      int port = freePort();
      List<String> asOwner = runningAsRoot() ? List.of("runuser", "-u", "postgres", "--") : List.of();
      if (runningAsRoot()) {
        run(List.of("chown", "postgres:postgres", dir.toString()), dir);
      }
      run(command(asOwner, bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
          "--no-sync"), dir);
      // fsync off: a test cluster that loses its data on a power cut costs nothing, and the tests run faster.
      run(command(asOwner, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
          "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
          "start"), dir);
      String stop = String.join(" ", command(asOwner, bin.resolve("pg_ctl").toString(), "-D", data.toString(),
          "-m", "fast", "-w", "stop"));
      watchJvm(stop, dir);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(stop, dir), "test-postgres-stop"));
      String url = "jdbc:postgresql://127.0.0.1:" + port + "/";
      try (Connection admin = DriverManager.getConnection(url + "postgres", "postgres", "");
          Statement sql = admin.createStatement()) {
        sql.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        sql.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
        sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
        // The processing log's retention role (docs/privacy.md): the only one that may delete from it.
        sql.execute("CREATE ROLE wijkhub_retention NOLOGIN");
        sql.execute("CREATE ROLE " + RETENTION_USER + " LOGIN PASSWORD '" + RETENTION_PASSWORD + "' IN ROLE"
            + " wijkhub_retention");
      }
      return new Endpoint(url + DATABASE, USER, PASSWORD, OWNER, OWNER_PASSWORD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the test role and database: " + e.getMessage(), e);
    }
  }

  /**
   * A detached shell that outlives a killed test JVM: once the JVM's pid is gone from /proc, it stops the cluster
   * and removes its folder. It checks /proc rather than {@code kill -0}, which a non-root user may not send.
   */
  private static void watchJvm(String stop, Path dir) throws IOException {
    String script = "while [ -d /proc/" + ProcessHandle.current().pid() + " ]; do sleep 1; done; "
        + stop + " >/dev/null 2>&1; rm -rf '" + dir + "'";
    new ProcessBuilder("setsid", "sh", "-c", script)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static void stop(String stop, Path dir) {
    try {
      run(List.of("sh", "-c", stop), dir);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Stopping the test PostgreSQL in {} failed: {}", dir, e.toString());
    }
  }

  private static Path binaries() {
    try (Stream<Path> versions = Files.list(BINARIES)) {
      return versions.map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
          .max(Comparator.comparing(Path::toString))
          .orElseThrow();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("The integration tests need PostgreSQL: no Docker engine is reachable and no"
          + " initdb was found under " + BINARIES + ". Install it (apt-get install postgresql) or point"
          + " WIJKHUB_TEST_DB_URL at a database.", e);
    }
  }

  private static void run(List<String> command, Path dir) throws IOException {
    Path log = dir.resolve("command.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " failed; see " + log + " and "
            + dir.resolve("log"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> command(List<String> prefix, String... arguments) {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(arguments));
    return command;
  }

  private static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
  }
}
