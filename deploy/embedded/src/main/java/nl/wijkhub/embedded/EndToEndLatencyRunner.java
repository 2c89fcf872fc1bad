package nl.wijkhub.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Kafka's own {@code EndToEndLatency} tool (kafka-tools 4.x, named arguments) from the runtime's jars as a
 * child JVM: the baseline the hub's signal latency is compared with. The tool sends one record at a time with the
 * given acks and waits until its own consumer has it before sending the next, so its figures are the broker's round
 * trip without any queueing. Each run writes a new {@code end-to-end-latency-*.log} in the log directory.
 */
final class EndToEndLatencyRunner {

  private static final String MAIN_CLASS = "org.apache.kafka.tools.EndToEndLatency";
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
  /** The tool's closing lines, printed with %.4f and %d; the child runs in an English locale. */
  private static final Pattern AVERAGE = Pattern.compile("^Avg latency: ([\\d.]+) ms", Pattern.MULTILINE);
  private static final Pattern PERCENTILES = Pattern.compile(
      "^Percentiles: 50th = (\\d+), 99th = (\\d+), 99\\.9th = (\\d+)", Pattern.MULTILINE);

  /** What the tool reports, in whole milliseconds for the percentiles as it prints them. */
  record Result(double averageMs, long p50Ms, long p99Ms, long p999Ms) {}

  private final RuntimeLayout layout;
  private final String bootstrapServers;
  private final Path logDir;

  EndToEndLatencyRunner(RuntimeLayout layout, String bootstrapServers, Path logDir) {
    this.layout = layout;
    this.bootstrapServers = bootstrapServers;
    this.logDir = logDir.toAbsolutePath();
  }

  /** Sends {@code records} records of {@code keySize} + {@code valueSize} random bytes with acks=all. */
  Result run(String topic, int records, int keySize, int valueSize) throws IOException, InterruptedException {
    List<String> command = List.of("-Xmx256m", "-Duser.language=en", "-Duser.country=US",
        "-cp", layout.kafkaClasspath(), MAIN_CLASS,
        "--bootstrap-server", bootstrapServers,
        "--topic", topic,
        "--num-records", Integer.toString(records),
        "--producer-acks", "all",
        "--record-size", Integer.toString(valueSize),
        "--record-key-size", Integer.toString(keySize));
    Files.createDirectories(logDir);
    Path logFile = Files.createTempFile(logDir, "end-to-end-latency-", ".log");
    ChildProcess.run("EndToEndLatency", command, logDir, logFile, RUN_TIMEOUT);
    return parse(Files.readString(logFile)).orElseThrow(() ->
        new IllegalStateException("EndToEndLatency printed no percentiles; see " + logFile));
  }

  /** The tool's closing summary, if its output has one. */
  static Optional<Result> parse(String output) {
    Matcher average = AVERAGE.matcher(output);
    Matcher percentiles = PERCENTILES.matcher(output);
    if (!average.find() || !percentiles.find()) {
      return Optional.empty();
    }
    return Optional.of(new Result(Double.parseDouble(average.group(1)), Long.parseLong(percentiles.group(1)),
        Long.parseLong(percentiles.group(2)), Long.parseLong(percentiles.group(3))));
  }
}
