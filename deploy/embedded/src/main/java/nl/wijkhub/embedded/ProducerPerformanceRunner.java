package nl.wijkhub.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Kafka's own {@code ProducerPerformance} tool from the runtime's jars as a child JVM: the baseline the
 * hub's throughput is compared with. Each run appends its output to a new {@code producer-performance-*.log}
 * in the log directory.
 */
public final class ProducerPerformanceRunner {

  private static final String MAIN_CLASS = "org.apache.kafka.tools.ProducerPerformance";
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);
  /**
   * The closing summary, printed with %f and %.2f: the child runs in an English locale so the decimal
   * separator is a dot whatever this machine's locale is. The "steady state" summary that --warmup-records
   * adds is deliberately not matched.
   */
  private static final Pattern SUMMARY = Pattern.compile(
      "^(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
          + "([\\d.]+) ms max latency, \\d+ ms 50th", Pattern.MULTILINE);

  /** What the tool reports for the whole run. */
  public record Result(long records, double recordsPerSec, double mbPerSec, double avgLatencyMs,
      double maxLatencyMs) {}

  private final RuntimeLayout layout;
  private final String bootstrapServers;
  private final Path logDir;

  public ProducerPerformanceRunner(RuntimeLayout layout, String bootstrapServers, Path logDir) {
    this.layout = layout;
    this.bootstrapServers = bootstrapServers;
    this.logDir = logDir.toAbsolutePath();
  }

  /** Sends {@code numRecords} random records of {@code recordSize} bytes as fast as possible. */
  public Result run(String topic, long numRecords, int recordSize, Map<String, String> producerProperties)
      throws IOException, InterruptedException {
    return run(topic, numRecords, recordSize, producerProperties, List.of());
  }

  /** As {@link #run}, in transactions that each stay open for {@code transactionDurationMs}. */
  public Result runTransactional(String topic, long numRecords, int recordSize,
      Map<String, String> producerProperties, String transactionalId,
      long transactionDurationMs)
      throws IOException, InterruptedException {
    return run(topic, numRecords, recordSize, producerProperties, List.of(
        "--transactional-id", transactionalId,
        "--transaction-duration-ms", Long.toString(transactionDurationMs)));
  }

  private Result run(String topic, long numRecords, int recordSize, Map<String, String> producerProperties,
      List<String> transactionArguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("-Xmx256m", "-Duser.language=en", "-Duser.country=US",
        "-cp", layout.kafkaClasspath(), MAIN_CLASS,
        "--bootstrap-server", bootstrapServers,
        "--topic", topic,
        "--num-records", Long.toString(numRecords),
        "--record-size", Integer.toString(recordSize),
        "--throughput", "-1"));
    if (!producerProperties.isEmpty()) {
      // All properties after a single flag: a repeated --command-property replaces the earlier values.
      command.add("--command-property");
      producerProperties.forEach((key, value) -> command.add(key + "=" + value));
    }
    command.addAll(transactionArguments);

    Files.createDirectories(logDir);
    Path logFile = Files.createTempFile(logDir, "producer-performance-", ".log");
    ChildProcess.run("ProducerPerformance", command, logDir, logFile, RUN_TIMEOUT);
    return parseSummary(Files.readString(logFile)).orElseThrow(() ->
        new IllegalStateException("ProducerPerformance printed no summary; see " + logFile));
  }

  /** The closing summary line of the tool's output, if there is one. */
  static Optional<Result> parseSummary(String output) {
    Matcher summary = SUMMARY.matcher(output);
    if (!summary.find()) {
      return Optional.empty();
    }
    return Optional.of(new Result(Long.parseLong(summary.group(1)), Double.parseDouble(summary.group(2)),
        Double.parseDouble(summary.group(3)), Double.parseDouble(summary.group(4)),
        Double.parseDouble(summary.group(5))));
  }
}
