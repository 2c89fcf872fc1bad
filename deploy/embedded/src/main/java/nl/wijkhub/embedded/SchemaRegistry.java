package nl.wijkhub.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apicurio Registry 2.6 running as a child JVM from {@link RuntimeLayout#apicurioRunnerJar()}. Its storage is an H2
 * file, {@code storage/registry.mv.db} in the data directory, so that a restart on the same directory keeps the
 * schema ids that the records already in Kafka refer to. Its output is appended to {@code registry.log} there.
 *
 * <p>Apicurio starts with no global compatibility rule, so any schema change would be accepted; this class
 * sets {@value #GLOBAL_COMPATIBILITY} before handing the registry out.
 */
public final class SchemaRegistry implements AutoCloseable {

  /** The global compatibility level: consumers on the new schema can read data written with the previous one. */
  public static final String GLOBAL_COMPATIBILITY = "BACKWARD";

  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistry.class);
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final String CONFLUENT_API = "/apis/ccompat/v7";
  private static final String NATIVE_API = "/apis/registry/v2";
  private static final String CONFLUENT_CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final ChildProcess process;
  private final int port;

  private SchemaRegistry(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a registry with the runtime found by {@link RuntimeLayout#locate()}; port 0 picks a free port. */
  public static SchemaRegistry start(Path dataDir, int port) throws IOException, InterruptedException {
    return start(RuntimeLayout.locate(), dataDir, port);
  }

  /**
   * Starts the registry, waits until its Confluent-compatible API answers and sets the global compatibility
   * rule. Port 0 picks a free port.
   */
  public static SchemaRegistry start(RuntimeLayout layout, Path dataDir, int port)
      throws IOException, InterruptedException {
    Path dir = dataDir.toAbsolutePath();
    int httpPort = FreePorts.orPick(port);
    // C1 only (no optimising JIT): on two cores the registry is ready in about half the time and uses
    // ~50 MB less memory; it serves a handful of schema look-ups, which the serdes cache anyway.
    List<String> command = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-Dquarkus.http.host=" + FreePorts.LOOPBACK,
        "-Dquarkus.http.port=" + httpPort,
        // Apicurio's default is an in-memory H2 database (jdbc:h2:mem:registry_db).
        "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dir.resolve("storage").resolve("registry"),
        "-jar", layout.apicurioRunnerJar().toString());

    long startedAt = System.nanoTime();
    ChildProcess process =
        ChildProcess.start("Apicurio Registry", command, Map.of(), dir, dir.resolve("registry.log"));
    SchemaRegistry registry = new SchemaRegistry(process, httpPort);
    URI subjects = URI.create(registry.confluentApiUrl() + "/subjects");
    try {
      process.awaitReady(STARTUP_TIMEOUT, () -> HttpProbe.answersOk(subjects));
      registry.setGlobalCompatibility();
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.kill();
      throw e;
    }
    LOG.info("Apicurio Registry ready on {} in {} ms (pid {})", registry.baseUrl(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), process.pid());
    return registry;
  }

  /** For example {@code http://127.0.0.1:8081}, without a trailing slash. */
  public String baseUrl() {
    return "http://" + FreePorts.LOOPBACK + ":" + port;
  }

  /** Apicurio's own API, the URL the Apicurio serdes take as {@code apicurio.registry.url}. */
  public String nativeApiUrl() {
    return baseUrl() + NATIVE_API;
  }

  /** The Confluent Schema Registry compatible API. */
  public String confluentApiUrl() {
    return baseUrl() + CONFLUENT_API;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  public Path logFile() {
    return process.logFile();
  }

  @Override
  public void close() {
    process.stop(STOP_GRACE);
  }

  /**
   * The Confluent API's {@code PUT /config} is accepted by Apicurio and stored as its global COMPATIBILITY rule,
   * so it governs registrations through both APIs.
   */
  private void setGlobalCompatibility() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/config"))
        .timeout(HttpProbe.TIMEOUT)
        .header("Content-Type", CONFLUENT_CONTENT_TYPE)
        .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + GLOBAL_COMPATIBILITY + "\"}"))
        .build();
    HttpResponse<String> response = HttpProbe.client().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Apicurio Registry refused compatibility " + GLOBAL_COMPATIBILITY
          + ": HTTP " + response.statusCode() + " " + response.body());
    }
  }
}
