package nl.wijkhub.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka 4.4 cluster (KRaft, broker and controller in one process) running as a child JVM from the
 * jars in {@link RuntimeLayout#kafkaLibs()}. Its data survives a restart on the same directory.
 *
 * <p>Files under the data directory: {@code server.properties}, {@code log4j2.properties}, {@code kafka.log}
 * (everything the broker and the storage formatter print) and {@code data/} (the log directory).
 */
public final class KafkaBroker implements AutoCloseable {

  /**
   * The broker's ceiling for a producer's {@code transaction.timeout.ms}: 15 minutes, the Kafka default, stated
   * so that producers configured elsewhere can stay below it.
   */
  public static final int TRANSACTION_MAX_TIMEOUT_MS = 900_000;

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
  private static final int PROBE_TIMEOUT_MS = 1_000;
  private static final int NODE_ID = 1;
  private static final String LOG4J_CONFIG = "kafka-log4j2.properties";

  private final ChildProcess process;
  private final int port;

  private KafkaBroker(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a broker with the runtime found by {@link RuntimeLayout#locate()}; port 0 picks a free port. */
  public static KafkaBroker start(Path dataDir, int port) throws IOException, InterruptedException {
    return start(RuntimeLayout.locate(), dataDir, port);
  }

  /**
   * Writes the configuration, formats the storage unless an earlier run did, starts the broker and returns
   * once it answers an admin request. Port 0 picks a free port.
   */
  public static KafkaBroker start(RuntimeLayout layout, Path dataDir, int port)
      throws IOException, InterruptedException {
    Path dir = Files.createDirectories(dataDir.toAbsolutePath());
    int brokerPort = FreePorts.orPick(port);
    Path serverProperties = writeServerProperties(dir, brokerPort, FreePorts.pick());
    Path logFile = dir.resolve("kafka.log");
    List<String> classpathAndLogging = List.of("-Djava.awt.headless=true",
        "-Dlog4j2.configurationFile=" + writeLog4jConfig(dir), "-cp", layout.kafkaClasspath());
    formatUnlessFormatted(dir, serverProperties, classpathAndLogging, logFile);

    long startedAt = System.nanoTime();
    ChildProcess process = ChildProcess.start("Kafka broker",
        concat(List.of("-Xmx512m"), classpathAndLogging, List.of("kafka.Kafka", serverProperties.toString())),
        Map.of(), dir, logFile);
    KafkaBroker broker = new KafkaBroker(process, brokerPort);
    try {
      broker.awaitReady();
    } catch (InterruptedException | RuntimeException e) {
      process.kill();
      throw e;
    }
    LOG.info("Kafka broker ready on {} in {} ms (pid {})", broker.bootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), process.pid());
    return broker;
  }

  public String bootstrapServers() {
    return FreePorts.LOOPBACK + ":" + port;
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

  /** Controlled shutdown; the broker is killed if it has not stopped within 30 s. */
  @Override
  public void close() {
    close(ChildProcess.GRACEFUL_STOP);
  }

  /** Controlled shutdown; the broker is killed if it has not stopped within {@code grace}. */
  public void close(Duration grace) {
    process.stop(grace);
  }

  private static Path logDir(Path dataDir) {
    return dataDir.resolve("data");
  }

  /** A formatted log directory has meta.properties; formatting it again would fail, and a restart keeps data. */
  private static void formatUnlessFormatted(Path dataDir, Path serverProperties, List<String> classpathAndLogging,
      Path logFile) throws IOException, InterruptedException {
    if (Files.exists(logDir(dataDir).resolve("meta.properties"))) {
      return;
    }
    // The formatter lives for a second: without the optimising JIT (C1 only) it finishes in half the time.
    ChildProcess.run("Kafka storage format", concat(List.of("-XX:TieredStopAtLevel=1"), classpathAndLogging,
            List.of("kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", serverProperties.toString())),
        dataDir, logFile, FORMAT_TIMEOUT);
  }

  private static Path writeServerProperties(Path dataDir, int brokerPort, int controllerPort) throws IOException {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("process.roles", "broker,controller");
    config.put("node.id", NODE_ID);
    config.put("controller.quorum.voters", NODE_ID + "@" + FreePorts.LOOPBACK + ":" + controllerPort);
    config.put("listeners", "PLAINTEXT://" + FreePorts.LOOPBACK + ":" + brokerPort
        + ",CONTROLLER://" + FreePorts.LOOPBACK + ":" + controllerPort);
    config.put("advertised.listeners", "PLAINTEXT://" + FreePorts.LOOPBACK + ":" + brokerPort);
    config.put("controller.listener.names", "CONTROLLER");
    config.put("inter.broker.listener.name", "PLAINTEXT");
    config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    config.put("log.dirs", logDir(dataDir));
    // A single node can only hold one replica of the internal topics; without the transaction keys a
    // transactional producer times out in InitProducerId.
    config.put("offsets.topic.replication.factor", 1);
    config.put("transaction.state.log.replication.factor", 1);
    config.put("transaction.state.log.min.isr", 1);
    config.put("share.coordinator.state.topic.replication.factor", 1);
    config.put("share.coordinator.state.topic.min.isr", 1);
    config.put("transaction.max.timeout.ms", TRANSACTION_MAX_TIMEOUT_MS);
    // Topics are created deliberately (partitions and settings are part of the design), never by a typo.
    config.put("auto.create.topics.enable", false);
    // Nothing waits for more group members to join: consumers in tests and demos start at once.
    config.put("group.initial.rebalance.delay.ms", 0);

    StringBuilder text = new StringBuilder("# Written by ").append(KafkaBroker.class.getName())
        .append(" at every start; edits are overwritten.\n");
    config.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    Path file = dataDir.resolve("server.properties");
    Files.writeString(file, text);
    return file;
  }

  private static Path writeLog4jConfig(Path dataDir) throws IOException {
    Path file = dataDir.resolve("log4j2.properties");
    try (InputStream config = KafkaBroker.class.getResourceAsStream(LOG4J_CONFIG)) {
      if (config == null) {
        throw new IllegalStateException(LOG4J_CONFIG + " missing from the classpath");
      }
      Files.copy(config, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  /**
   * Ready means the broker answers describeCluster. The admin client starts connecting as soon as it is
   * created, logging a warning for every refused attempt, so it is only created once the listener accepts
   * connections, which Kafka 4.4 opens near the end of its start-up.
   */
  private void awaitReady() throws InterruptedException {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    process.awaitReady(STARTUP_TIMEOUT, this::acceptsConnections);
    Map<String, Object> adminConfig = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MS,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MS);
    try (Admin admin = Admin.create(adminConfig)) {
      process.awaitReady(Duration.between(Instant.now(), deadline), () -> answers(admin));
    }
  }

  private boolean acceptsConnections() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), PROBE_TIMEOUT_MS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean answers(Admin admin) throws InterruptedException {
    try {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_TIMEOUT_MS))
          .clusterId().get(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    return Stream.of(parts).flatMap(List::stream).toList();
  }
}
