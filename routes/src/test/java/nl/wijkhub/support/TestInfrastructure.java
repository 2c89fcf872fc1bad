package nl.wijkhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.wijkhub.embedded.EmbeddedStack;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one piece of test infrastructure every integration test uses: a real Kafka broker (KRaft) and a real
 * Apicurio registry, started once per test JVM as child processes (the same way {@code ./wijkhub start} runs them),
 * and a PostgreSQL of the run's own ({@link TestPostgres}). They are stopped when the test run ends. Each test
 * class gets its own database schema, data folder, transactional id and consumer group, so classes cannot see each
 * other's state.
 */
public final class TestInfrastructure implements BeforeAllCallback {

  /** PostgreSQL for the tests, started on first use by {@link TestPostgres}. */
  public static final String DB_URL = TestPostgres.endpoint().url();
  public static final String DB_USER = TestPostgres.endpoint().user();
  public static final String DB_PASSWORD = TestPostgres.endpoint().password();
  /** The role that runs the migrations and owns the tables; the hub's role ({@link #DB_USER}) owns nothing. */
  public static final String DB_OWNER = TestPostgres.endpoint().owner();
  public static final String DB_OWNER_PASSWORD = TestPostgres.endpoint().ownerPassword();

  /**
   * How long a test waits for the monitoring store: a new consumer group first replays the whole shared indicators
   * topic, which after the crash tests' 400,000-row files takes tens of seconds on two cores.
   */
  public static final Duration STORE_CATCH_UP = Duration.ofSeconds(120);

  private static EmbeddedStack stack;

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(TestInfrastructure.class, key -> (AutoCloseable) TestInfrastructure::stop);
    stack();
  }

  /** The shared broker and registry, started on first use. */
  public static synchronized EmbeddedStack stack() {
    if (stack == null) {
      try {
        stack = EmbeddedStack.start(Files.createDirectories(Path.of("target/it-stack-" + UUID.randomUUID())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return stack;
  }

  private static synchronized void stop() {
    if (stack != null) {
      stack.close();
      stack = null;
    }
  }

  /**
   * Settings for one hub on the shared infrastructure, as Spring properties. The same map, in environment form,
   * configures a hub started as a separate process.
   */
  public static Map<String, String> hubProperties(Path dataDir, String isolation) {
    return hubProperties(stack(), dataDir, isolation);
  }

  /** As {@link #hubProperties(Path, String)}, on a broker and registry of the test's own. */
  public static Map<String, String> hubProperties(EmbeddedStack on, Path dataDir, String isolation) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("wijkhub.kafka.bootstrap-servers", on.broker().bootstrapServers());
    props.put("wijkhub.kafka.registry-url", on.registry().baseUrl());
    props.put("wijkhub.kafka.transactional-id", isolation + "-ingest");
    props.put("wijkhub.monitoring.group-id", isolation + "-monitoring");
    props.put("wijkhub.privacy.processing-log-group-id", isolation + "-processing-log");
    props.put("wijkhub.matches.application-id", isolation + "-matches");
    // Kafka Streams with RocksDB in every test hub costs two cores dearly; MatchRestartIT turns the matcher on,
    // InboxBrowserIT the matcher and the signal counts.
    props.put("wijkhub.matches.enabled", "false");
    props.put("wijkhub.signal-counts.application-id", isolation + "-signal-counts");
    props.put("wijkhub.signal-counts.enabled", "false");
    props.put("wijkhub.data-dir", dataDir.toString());
    props.put("wijkhub.file-drop.poll-interval", "100ms");
    props.put("wijkhub.file-drop.min-age", "100ms");
    props.put("spring.datasource.url", DB_URL + "?currentSchema=" + isolation.replace('-', '_'));
    props.put("spring.datasource.username", DB_USER);
    props.put("spring.datasource.password", DB_PASSWORD);
    // Spring keeps each test class's hub alive for reuse; ten connections each would exhaust PostgreSQL's 100.
    props.put("spring.datasource.hikari.maximum-pool-size", "3");
    props.put("spring.flyway.schemas", isolation.replace('-', '_'));
    props.put("spring.flyway.user", DB_OWNER);
    props.put("spring.flyway.password", DB_OWNER_PASSWORD);
    props.put("wijkhub.api.demo-keys", "true");
    props.put("wijkhub.security.demo-users", "true");
    return props;
  }

  /** A new temporary folder, for a test class's data folder or a test server's files. */
  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh name for one test class's schema, transactional id and consumer group. */
  public static String isolation() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
