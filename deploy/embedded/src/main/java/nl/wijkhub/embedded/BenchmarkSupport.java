package nl.wijkhub.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What the benchmarks ({@link Benchmark}, {@link SignalBenchmark}, {@link DashboardBenchmark}) share: the options
 * every one takes, a main that works in a temporary directory and keeps it on failure, a hub started on a round's
 * stack, medians, and the machine and version lines of the report.
 */
final class BenchmarkSupport {

  /**
   * The command line of a benchmark: takes the options every benchmark has ({@code --rounds R}, default 3, and
   * {@code --jfr FILE}) itself and hands each other one to the benchmark, through {@link #nextOwn()}.
   */
  static final class Arguments {

    private final String[] args;
    private int next;
    private int rounds = 3;
    private boolean roundsGiven;
    private Path jfr;

    Arguments(String[] args) {
      this.args = args;
    }

    /** The next option that is the benchmark's own, or null at the end; the shared ones are taken on the way. */
    String nextOwn() {
      while (next < args.length) {
        String option = args[next++];
        switch (option) {
          case "--rounds" -> {
            rounds = Integer.parseInt(value());
            roundsGiven = true;
          }
          case "--jfr" -> jfr = Path.of(value()).toAbsolutePath();
          default -> {
            return option;
          }
        }
      }
      return null;
    }

    /** The value of the option just returned by {@link #nextOwn()}. */
    String value() {
      if (next >= args.length) {
        throw new IllegalArgumentException(args[next - 1] + " needs a value");
      }
      return args[next++];
    }

    int rounds() {
      if (rounds < 1) {
        throw new IllegalArgumentException("--rounds must be at least 1");
      }
      return rounds;
    }

    /** For a benchmark that measures on one hub only: refuses {@code --rounds} rather than ignore it. */
    void refuseRounds() {
      if (roundsGiven) {
        throw new IllegalArgumentException("--rounds does not apply here: this benchmark measures one hub");
      }
    }

    /** Where the first round's hub records a JFR profile, written when it stops; null for none. */
    Path jfr() {
      return jfr;
    }

    static IllegalArgumentException unknown(String option) {
      return new IllegalArgumentException("Unknown option " + option);
    }
  }

  /** The JVM argument that has a hub record a JFR profile into {@code file} when it stops. */
  static String flightRecording(Path file) {
    return "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file;
  }

  /** Generous: on a shared 2-core machine under load (average above 30) a hub has taken more than five minutes. */
  private static final Duration HUB_STARTUP = Duration.ofMinutes(10);

  /** One benchmark's run in {@code work}; returns the report to print. */
  @FunctionalInterface
  interface Run {
    String in(Path work) throws IOException, InterruptedException;
  }

  private BenchmarkSupport() {}

  /** The options {@code parse} reads from {@code args}; a wrong option ends the JVM with its message and usage. */
  static <T> T optionsOrExit(String[] args, Function<String[], T> parse, String usage) {
    try {
      return parse.apply(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + usage);
      System.exit(2);
      throw e;
    }
  }

  /**
   * Runs {@code run} in a fresh temporary directory and prints its report; the directory is removed after a
   * successful run and kept, for its logs, after a failed one (exit code 1).
   */
  static void runAndPrint(String tempPrefix, Run run) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory(tempPrefix);
    String report;
    try {
      report = run.in(work);
    } catch (IOException | RuntimeException e) {
      System.err.println("Benchmark failed: " + e.getMessage() + "\nLogs and files are kept in " + work);
      System.exit(1);
      return;
    }
    deleteRecursively(work);
    System.out.print(report);
  }

  /**
   * Starts the hub jar with {@code jvmArguments} on {@code stack}, with a fresh data directory and H2 store under
   * {@code data}, and waits until its health endpoint answers. Its log is {@code data/hub.log}.
   */
  static HubProcess startHub(RuntimeLayout layout, EmbeddedStack stack, Path data, int port,
      List<String> jvmArguments) throws IOException, InterruptedException {
    return startHub(layout, stack, data, port, jvmArguments, Map.of());
  }

  /** As {@link #startHub(RuntimeLayout, EmbeddedStack, Path, int, List)}, with {@code extra} in its environment. */
  static HubProcess startHub(RuntimeLayout layout, EmbeddedStack stack, Path data, int port,
      List<String> jvmArguments, Map<String, String> extra) throws IOException, InterruptedException {
    Map<String, String> environment = new HashMap<>(Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", stack.broker().bootstrapServers(),
        "SCHEMA_REGISTRY_URL", stack.registry().baseUrl(),
        "WIJKHUB_DATA", data.toString(),
        "HUB_PORT", Integer.toString(port),
        "MONITORING_DB_URL", "jdbc:h2:file:" + data.resolve("monitoring").resolve("store"),
        "MONITORING_DB_USER", "wijkhub",
        "MONITORING_DB_PASSWORD", ""));
    environment.putAll(extra);
    HubProcess hub = HubProcess.start(layout.hubJar(), jvmArguments, environment, data.resolve("hub.log"));
    try {
      hub.awaitHttpReady(URI.create("http://" + FreePorts.LOOPBACK + ":" + port + "/actuator/health"), HUB_STARTUP);
    } catch (RuntimeException | InterruptedException e) {
      hub.close();
      throw e;
    }
    return hub;
  }

  /** The middle value (the lower middle one for an even count). */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(sorted.length - 1) / 2];
  }

  static void createTopic(String bootstrapServers, String topic, int partitions) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
          .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create topic " + topic, e);
    }
  }

  /** Cores, memory and CPU model as Linux reports them. */
  static String machine() throws IOException {
    String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
    String memKb = firstValue(Path.of("/proc/meminfo"), "MemTotal").replaceAll("\\D", "");
    return String.format(Locale.ROOT, "%d cores (nproc), %.1f GB memory, %s", Runtime.getRuntime()
        .availableProcessors(), memKb.isEmpty() ? 0 : Long.parseLong(memKb) / 1024.0 / 1024.0, cpu);
  }

  /** The 1-minute load average, since a loaded machine moves every latency figure. */
  static String loadAverage() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    return Files.isReadable(loadavg) ? Files.readString(loadavg).split(" ")[0] : "unknown";
  }

  private static String firstValue(Path file, String key) throws IOException {
    if (!Files.isReadable(file)) {
      return "unknown";
    }
    try (Stream<String> lines = Files.lines(file)) {
      return lines.filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst().orElse("unknown");
    }
  }

  /** The version in the name of the jar matching {@code pattern}: stated once, in deploy/runtime's pom. */
  static String version(Path dir, String pattern) throws IOException {
    Pattern name = Pattern.compile(pattern);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        Matcher matcher = name.matcher(file.getFileName().toString());
        if (matcher.matches()) {
          return matcher.group(1);
        }
      }
    }
    return "unknown";
  }

  static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
