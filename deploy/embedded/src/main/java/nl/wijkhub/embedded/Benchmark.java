package nl.wijkhub.embedded;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./wijkhub bench [--rows N] [--rounds R] [--big] [--jfr FILE]}: how fast the hub ingests a dropped file,
 * compared with Kafka's own producer tool on the same broker.
 *
 * <p>Shared virtual machines vary from one minute to the next, so a single pair of runs can land either side of a
 * target by chance. The hub and the tool therefore run in R interleaved rounds (default 3), each on a fresh broker
 * with a fresh hub process, and the report gives every round and the median. A hub is a long-running service: each
 * round's hub first takes a {@value #WARM_UP_ROWS}-row delivery (unmeasured) before the measured
 * one, since a first delivery after start-up is mostly the JIT compiling the ingest path.
 *
 * <ol>
 *   <li>Generates, per round, a CSV of N valid rows (default 1,000,000) for partner dbieb, with varied indicator,
 *       wijk, month (2000-01 to 2099-12, cycling) and value, and a short toelichting on every eighth row; the values
 *       differ per round, so that no round's file is a duplicate of another's.
 *   <li>Starts a broker and a registry on free ports in a fresh temporary directory, then the hub jar as a child
 *       with {@code -Xmx256m}, a fresh data directory and H2 store, the inbox polled every 50 ms and no minimum
 *       file age, so that pick-up latency does not dominate.
 *   <li>t0: the file is moved (an atomic rename) into {@code inbox/dbieb/}; t1: its receipt JSON appears (polled
 *       every 10 ms) and must say ACCEPTED with N rows accepted. Hub rows/s = N / (t1 - t0), MB/s = file bytes /
 *       (t1 - t0) with MB = 2^20 bytes as the producer tool counts; peak RSS = the hub's VmHWM at t1.
 *   <li>Baseline: Kafka's ProducerPerformance on the same broker: N records in one transaction, each the average
 *       key + value size of the hub's first 10,000 records, with the hub's producer settings, to a fresh topic
 *       with as many partitions as the hub's. Ratio = hub rows/s / tool records/s.
 *   <li>With {@code --big}: a CSV of 1 GiB (some 19 million rows, written as a stream), ingested by a fresh
 *       broker and hub (a new process, so VmHWM starts afresh). It must finish within the hub's 15-minute
 *       transaction timeout; if not, the benchmark fails and says so.
 * </ol>
 *
 * <p>{@code --jfr FILE} has the hub of the N-row run record a JFR profile into FILE, written when it stops.
 *
 * <p>Prints a Markdown table, and as its last line {@code ratio=R rows_per_s=N mb_per_s=M peak_rss_mb=P} for the
 * N-row run. Progress is logged (stderr). Everything started is stopped at the end, also on failure; the temporary
 * directory is removed after a successful run and kept, for its logs, after a failed one.
 */
public final class Benchmark {

  static final String PARTNER = "dbieb";
  static final String TOPIC = "wijkhub.indicators.v1";

  private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);
  private static final String USAGE = "usage: ./wijkhub bench [--rows N] [--rounds R] [--big] [--jfr FILE]";
  private static final String[] INDICATORS =
      {"taalmaatjes-gekoppeld", "basisvaardigheden-deelnemers", "ikc-met-ouderschapsklassen"};
  private static final String[] WIJKEN =
      {"bilgaard", "vrijheidswijk", "heechterp-schieringen", "camminghaburen", "oud-oost"};
  private static final int MONTHS = 100 * 12;
  /** 1 GiB, so the table (MB = 2^20 bytes) shows 1024 MB: about 19 million rows. */
  private static final long BIG_FILE_BYTES = 1L << 30;
  private static final int SAMPLE_RECORDS = 10_000;
  /** Rows of the delivery each round's hub takes before the measured one (see the class comment). */
  static final long WARM_UP_ROWS = 200_000;
  /** Shifts the warm-up file's values away from every measured file's, so that none is a duplicate of another. */
  private static final int WARM_UP_SHIFT = 1_000;
  private static final double MB = 1024 * 1024;
  /** The hub's transaction timeout (15 minutes) plus a margin for pick-up and hashing. */
  private static final Duration INGEST_TIMEOUT = Duration.ofMinutes(16);
  /** As the hub's producer in routes' application.yaml; acks and idempotence are what transactions imply. */
  private static final Map<String, String> PRODUCER_SETTINGS = orderedMap(
      "acks", "all",
      "enable.idempotence", "true",
      "batch.size", "262144",
      "linger.ms", "20",
      "compression.type", "lz4");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
  private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

  /** What the baseline copies from the hub's topic. */
  private record Sample(int recordSize, int partitions) {}

  /** One ingest: how long the file took from drop to receipt, and the hub's peak memory meanwhile. */
  record Ingest(long rows, long bytes, Duration took, long peakRssKb) {

    double rowsPerSecond() {
      return rows / seconds();
    }

    double mbPerSecond() {
      return bytes / MB / seconds();
    }

    double seconds() {
      return took.toNanos() / 1e9;
    }
  }

  /** One round: the hub's ingest and the tool's run right after it. */
  record Round(Ingest ingest, ProducerPerformanceRunner.Result tool) {

    double ratio() {
      return ingest.rowsPerSecond() / tool.recordsPerSec();
    }
  }

  private record Options(long rows, int rounds, boolean big, Path jfr) {

    static Options parse(String[] args) {
      BenchmarkSupport.Arguments arguments = new BenchmarkSupport.Arguments(args);
      long rows = 1_000_000;
      boolean big = false;
      for (String option = arguments.nextOwn(); option != null; option = arguments.nextOwn()) {
        switch (option) {
          case "--rows" -> rows = Long.parseLong(arguments.value());
          case "--big" -> big = true;
          default -> throw BenchmarkSupport.Arguments.unknown(option);
        }
      }
      if (rows < 1) {
        throw new IllegalArgumentException("--rows must be at least 1");
      }
      return new Options(rows, arguments.rounds(), big, arguments.jfr());
    }
  }

  private final RuntimeLayout layout = RuntimeLayout.locate();
  private final Path work;
  private final Options options;

  private Benchmark(Path work, Options options) {
    this.work = work;
    this.options = options;
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Options options = BenchmarkSupport.optionsOrExit(args, Options::parse, USAGE);
    BenchmarkSupport.runAndPrint("wijkhub-bench-", work -> new Benchmark(work, options).run());
  }

  private String run() throws IOException, InterruptedException {
    Path bigCsv = work.resolve("bench").resolve("bench-1gb.csv");
    long bigRows = 0;
    if (options.big()) {
      progress("Generating 1 GB into %s", bigCsv);
      bigRows = generate(bigCsv, Long.MAX_VALUE, BIG_FILE_BYTES, 0);
    }

    List<Round> rounds = new ArrayList<>();
    Sample sample = null;
    for (int round = 0; round < options.rounds(); round++) {
      // A broker of its own per round, so that no earlier round's rows sit on the topic the store reads.
      try (EmbeddedStack stack = EmbeddedStack.start(work.resolve("stack-" + (round + 1)))) {
        Path csv = work.resolve("bench").resolve("bench-" + options.rows() + "-" + (round + 1) + ".csv");
        progress("Round %d of %d: generating %,d rows into %s", round + 1, options.rounds(), options.rows(), csv);
        long rows = generate(csv, options.rows(), Long.MAX_VALUE, round);
        Path warmUp = csv.resolveSibling("warm-up-" + (round + 1) + ".csv");
        generate(warmUp, WARM_UP_ROWS, Long.MAX_VALUE, WARM_UP_SHIFT + round);
        Ingest ingest = ingest(stack, "hub-" + (round + 1), csv, rows, warmUp, round == 0 ? options.jfr() : null);
        sample = sample(stack.broker().bootstrapServers());
        ProducerPerformanceRunner runner = new ProducerPerformanceRunner(layout, stack.broker().bootstrapServers(),
            work.resolve("logs"));
        rounds.add(new Round(ingest, baseline(stack, runner, round, rows, sample)));
      }
    }
    Ingest big = null;
    if (options.big()) {
      // A fresh broker too, as for every round.
      try (EmbeddedStack stack = EmbeddedStack.start(work.resolve("stack-big"))) {
        big = ingest(stack, "hub-big", bigCsv, bigRows, null, null);
      }
    }
    return report(rounds, sample, big);
  }

  /** Kafka's producer tool with the hub's settings: as many records as the round's file, of the hub's size. */
  private ProducerPerformanceRunner.Result baseline(EmbeddedStack stack, ProducerPerformanceRunner runner, int round,
      long rows, Sample sample) throws IOException, InterruptedException {
    progress("Baseline: ProducerPerformance, %,d records of %d bytes", rows, sample.recordSize());
    String topic = "bench.baseline-" + (round + 1);
    BenchmarkSupport.createTopic(stack.broker().bootstrapServers(), topic, sample.partitions());
    Map<String, String> settings = new LinkedHashMap<>(PRODUCER_SETTINGS);
    settings.put("transaction.timeout.ms", Integer.toString(KafkaBroker.TRANSACTION_MAX_TIMEOUT_MS));
    // One transaction for the whole run, as the hub has one per file: it outlasts any run the tool can make.
    return runner.runTransactional(topic, rows, sample.recordSize(), settings,
        "wijkhub-bench-baseline-" + (round + 1), 600_000);
  }

  /** Starts a hub on {@code stack}, drops {@code csv} into its inbox and waits for the receipt. */
  private Ingest ingest(EmbeddedStack stack, String name, Path csv, long rows, Path warmUp, Path jfr)
      throws IOException, InterruptedException {
    Path data = work.resolve(name);
    int port = FreePorts.pick();
    List<String> jvm = new ArrayList<>(List.of("-Xmx256m",
        "-Dwijkhub.file-drop.poll-interval=50ms", "-Dwijkhub.file-drop.min-age=0s",
        // Without the store's route: it would otherwise be storing the warm-up's rows during the measured ingest.
        "-Dcamel.main.java-routes-exclude-pattern=**/MonitoringStoreRoute*"));
    if (jfr != null) {
      jvm.add(BenchmarkSupport.flightRecording(jfr));
    }
    progress("Starting %s (log %s)", name, data.resolve("hub.log"));
    try (HubProcess hub = BenchmarkSupport.startHub(layout, stack, data, port, jvm)) {
      if (warmUp != null) {
        progress("Warming %s up with %s", name, warmUp.getFileName());
        deliver(hub, data, warmUp, WARM_UP_ROWS);
      }
      long bytes = Files.size(csv);
      progress("Dropping %s (%.1f MB) into %s", csv.getFileName(), bytes / MB, data.resolve("inbox"));
      Duration took = deliver(hub, data, csv, rows);
      long peakRssKb = hub.peakRssKb().orElse(0);
      Ingest ingest = new Ingest(rows, bytes, took, peakRssKb);
      progress("%s: %,d rows in %.2f s = %,.0f rows/s, %.1f MB/s, peak RSS %d MB", name, rows, ingest.seconds(),
          ingest.rowsPerSecond(), ingest.mbPerSecond(), peakRssKb / 1024);
      return ingest;
    }
  }

  /** Drops the file into the hub's inbox and waits for its receipt, which must accept every row; returns how long. */
  private static Duration deliver(HubProcess hub, Path data, Path csv, long rows) throws IOException {
    Path inbox = Files.createDirectories(data.resolve("inbox").resolve(PARTNER));
    Path receipt = data.resolve("outbox").resolve(PARTNER).resolve(csv.getFileName() + ".receipt.json");
    long t0 = System.nanoTime();
    Files.move(csv, inbox.resolve(csv.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    while (!Files.exists(receipt)) {
      if (!hub.isAlive()) {
        throw new IllegalStateException("The hub exited during the ingest; see " + hub.logFile());
      }
      if (System.nanoTime() - t0 > INGEST_TIMEOUT.toNanos()) {
        throw new IllegalStateException("No receipt after " + INGEST_TIMEOUT.toMinutes() + " minutes: the hub"
            + " could not ingest " + csv.getFileName() + " within its 15-minute transaction timeout; see "
            + hub.logFile());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    String json = Files.readString(receipt);
    if (!"ACCEPTED".equals(group(STATUS, json)) || !Long.toString(rows).equals(group(ACCEPTED, json))) {
      throw new IllegalStateException("Expected ACCEPTED with " + rows + " rows, got " + receipt + ":\n" + json);
    }
    return took;
  }

  /**
   * Writes the header and valid rows until {@code maxRows} rows or at least {@code minBytes} bytes, whichever comes
   * first; returns the number of rows. The month cycles fastest, then the wijk, then the indicator, so that
   * consecutive rows have different keys; {@code round} shifts the values, so each round's file is new content.
   */
  static long generate(Path file, long maxRows, long minBytes, int round) throws IOException {
    Files.createDirectories(file.getParent());
    long rows = 0;
    long bytes;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      String header = "indicator;wijk;periode;waarde;toelichting\n";
      out.write(header);
      bytes = header.length();
      StringBuilder row = new StringBuilder(96);
      while (rows < maxRows && bytes < minBytes) {
        int month = (int) (rows % MONTHS);
        row.setLength(0);
        row.append(INDICATORS[(int) (rows / (MONTHS * WIJKEN.length) % INDICATORS.length)]).append(';')
            .append(WIJKEN[(int) (rows / MONTHS % WIJKEN.length)]).append(';')
            .append(2000 + month / 12).append('-').append(month % 12 < 9 ? "0" : "").append(month % 12 + 1)
            .append(';')
            .append((rows * 37 + round) % 5000).append(';')
            .append(rows % 8 == 0 ? "via het wijkcentrum" : "").append('\n');
        out.append(row);
        bytes += row.length();
        rows++;
      }
    }
    return rows;
  }

  /** The average key + value size of the hub's first records, the record size the tool is given, and partitions. */
  private static Sample sample(String bootstrapServers) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
          .map(info -> new TopicPartition(TOPIC, info.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long bytes = 0;
      int count = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (count < SAMPLE_RECORDS && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (count < SAMPLE_RECORDS) {
            bytes += record.key().length + record.value().length;
            count++;
          }
        }
      }
      if (count == 0) {
        throw new IllegalStateException("Found no records on " + TOPIC);
      }
      return new Sample((int) Math.round((double) bytes / count), partitions.size());
    }
  }

  private String report(List<Round> rounds, Sample sample, Ingest big) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("| run | rows | file MB | seconds | hub rows/s | hub MB/s | tool records/s | ratio | peak RSS MB |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < rounds.size(); i++) {
      Round round = rounds.get(i);
      out.append(row(String.format(Locale.ROOT, "%,d rows, round %d", round.ingest().rows(), i + 1), round.ingest(),
          String.format(Locale.ROOT, "%,.0f", round.tool().recordsPerSec()),
          String.format(Locale.ROOT, "%.2f", round.ratio())));
    }
    Round median = median(rounds);
    double hubRate = BenchmarkSupport.median(each(rounds, r -> r.ingest().rowsPerSecond()));
    double hubMb = BenchmarkSupport.median(each(rounds, r -> r.ingest().mbPerSecond()));
    long peakRssMb = rounds.stream().mapToLong(r -> r.ingest().peakRssKb()).max().orElse(0) / 1024;
    out.append(String.format(Locale.ROOT, "| **median of %d** | %,d | %.1f | | %,.0f | %.2f | %,.0f | **%.2f** | %d |%n",
        rounds.size(), median.ingest().rows(), median.ingest().bytes() / MB, hubRate, hubMb,
        BenchmarkSupport.median(each(rounds, r -> r.tool().recordsPerSec())), median.ratio(), peakRssMb));
    if (big != null) {
      out.append(row("1 GB", big, "-", "-"));
    }
    out.append('\n')
        .append("| setting | value |\n")
        .append("|---|---|\n")
        .append(String.format(Locale.ROOT, "| record size | %d bytes (average key + value of the hub's first %,d"
            + " records) |\n", sample.recordSize(), SAMPLE_RECORDS))
        .append("| producer settings (hub and tool) | ")
        .append(PRODUCER_SETTINGS.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" ")))
        .append(", transactional, one transaction per run |\n")
        .append("| topics | ").append(TOPIC).append(" and the tool's, ").append(sample.partitions())
        .append(" partitions each; hub -Xmx256m |\n")
        .append("| machine | ").append(BenchmarkSupport.machine()).append(" |\n")
        .append("| java | ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(" |\n")
        .append("| Kafka | ")
        .append(BenchmarkSupport.version(layout.kafkaLibs(), "kafka-clients-(.+)\\.jar")).append(" |\n")
        .append("| Apicurio Registry | ")
        .append(BenchmarkSupport.version(layout.apicurioRunnerJar().getParent(),
            "apicurio-registry-app-(.+)-runner\\.jar"))
        .append(" |\n\n")
        .append(String.format(Locale.ROOT, "ratio=%.2f rows_per_s=%.0f mb_per_s=%.2f peak_rss_mb=%d%n",
            median.ratio(), hubRate, hubMb, peakRssMb));
    return out.toString();
  }

  /** The round with the median ratio (the lower middle one for an even count). */
  static Round median(List<Round> rounds) {
    List<Round> sorted = rounds.stream().sorted(Comparator.comparingDouble(Round::ratio)).toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  private static double[] each(List<Round> rounds, Function<Round, Double> value) {
    double[] values = new double[rounds.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = value.apply(rounds.get(i));
    }
    return values;
  }

  private static String row(String run, Ingest ingest, String toolRate, String ratio) {
    return String.format(Locale.ROOT, "| %s | %,d | %.1f | %.2f | %,.0f | %.2f | %s | %s | %d |%n", run,
        ingest.rows(), ingest.bytes() / MB, ingest.seconds(), ingest.rowsPerSecond(), ingest.mbPerSecond(), toolRate,
        ratio, ingest.peakRssKb() / 1024);
  }

  private static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  /** Through SLF4J, like the stack's own lines; its first use here, on the main thread, initialises it. */
  private static void progress(String format, Object... args) {
    LOG.info(String.format(Locale.ROOT, format, args));
  }
}
