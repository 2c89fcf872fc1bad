package nl.wijkhub.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./wijkhub bench --signals [--seconds S] [--rounds R] [--jfr FILE]}: the latency from the API accepting a
 * signal to its arrival on the MultiTeam's topic, at {@value #RATE} signals a second, compared with Kafka's own
 * end-to-end latency tool on the same broker; and the latency of a match.
 *
 * <p>Per round (default 3), each on a fresh broker, registry and hub (as {@link Benchmark}'s rounds):
 * <ol>
 *   <li>A hub with {@code -Xmx256m}, the demo API keys and a rate limit well above {@value #RATE}/s, and a
 *       read_committed consumer of raw bytes on {@value #TOPIC} in this JVM.
 *   <li>Warm-up: {@value #WARM_UP_SIGNALS} signals (a minute) at the same pace, unmeasured, all of which must
 *       arrive. A minute, because the JIT compiler is what a fresh hub spends its CPU on first: after 250 signals a
 *       JFR profile still showed about one core of compilation through the whole measured phase, on two cores.
 *   <li>Measured: S seconds (default 30) of signals at {@value #RATE}/s, one signal per {@code POST
 *       /api/v1/signals} as partner {@value #PARTNER}, each sent when it is due (asynchronously, so that a slow
 *       answer does not hold up the next signal). Latency = the consumer's poll returning the record that holds the
 *       signal's id (from the 202 answer's {@code references[0].id}) minus the start of its request. Every
 *       accepted signal must arrive within {@value #ARRIVAL_TIMEOUT_SECONDS} s. p50 and p99 by nearest rank.
 *   <li>Matches: {@value #SECOND_SUPPLIER} signals the first {@value #MATCH_SIGNALS} (at most) of those persons at
 *       the same pace, so that each makes a match. Match latency = a read_committed consumer's poll returning the
 *       {@code Match} on {@value #MATCH_TOPIC} that names the second signal minus that signal's 202 answer (the
 *       matcher commits once a second: {@code wijkhub.matches.commit-interval}).
 *   <li>Baseline, after the hub has stopped, on the same broker: {@code EndToEndLatency} with acks=all sends as
 *       many records as were measured, with the average key and value sizes of the hub's records.
 * </ol>
 *
 * <p>Prints a Markdown table with every round and the medians, and as its last line
 * {@code signals_rate=50 p50_ms=… p99_ms=… baseline_p99_ms=… match_p99_ms=…} (medians over the rounds).
 * {@code --jfr FILE} has the first round's hub record a JFR profile into FILE, written when it stops.
 */
public final class SignalBenchmark {

  static final int RATE = 50;
  static final String PARTNER = "politie-leeuwarden-oost";
  /** Signals about the same persons as {@link #PARTNER}'s, so that each makes a match. */
  static final String SECOND_SUPPLIER = "gemeente-leeuwarden";
  static final String TOPIC = "wijkhub.multiteam.pmg-leeuwarden-oost.v1";
  static final String MATCH_TOPIC = "wijkhub.multiteam.pmg-leeuwarden-oost.matches.v1";
  /** At most this many second signals per round, each about a person of the measured signals. */
  static final int MATCH_SIGNALS = 250;
  static final int WARM_UP_SIGNALS = 60 * RATE;
  static final int ARRIVAL_TIMEOUT_SECONDS = 60;

  private static final Logger LOG = LoggerFactory.getLogger(SignalBenchmark.class);
  private static final String USAGE = "usage: ./wijkhub bench --signals [--seconds S] [--rounds R] [--jfr FILE]";
  /** Four times the pace, so that the limit never shapes what is measured. */
  private static final int REQUESTS_PER_MINUTE = 4 * 60 * RATE;
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
  /**
   * How long the broker holds a fetch that finds nothing new. With fetch.min.bytes=1 a fetch returns as soon as a
   * committed record is there, so this bounds only empty fetches: at 5 ms the benchmark's own consumer made 200 empty
   * fetches a second, CPU that the broker and this JVM took from the hub they were measuring on two cores.
   */
  private static final int FETCH_MAX_WAIT_MS = 100;
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern REFERENCE_ID = Pattern.compile(
      "\"references\"\\s*:\\s*\\[\\s*\\{[^}]*?\"id\"\\s*:\\s*\"(" + UUID.pattern() + ")\"");
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final double MS = 1e6;

  /** One round's measured signals and the tool's figures right after. */
  record Round(int signals, double sentPerSecond, long p50Nanos, long p99Nanos, long maxNanos, int keySize,
      int valueSize, EndToEndLatencyRunner.Result tool, int matches, long matchP50Nanos, long matchP99Nanos) {

    double p50Ms() {
      return p50Nanos / MS;
    }

    double p99Ms() {
      return p99Nanos / MS;
    }

    double matchP50Ms() {
      return matchP50Nanos / MS;
    }

    double matchP99Ms() {
      return matchP99Nanos / MS;
    }

    /** The hub's p99 over the tool's, which prints whole milliseconds: at least 1 ms, so the ratio stays finite. */
    double ratio() {
      return p99Ms() / Math.max(tool.p99Ms(), 1);
    }
  }

  record Options(int seconds, int rounds, Path jfr) {

    static Options parse(String[] args) {
      BenchmarkSupport.Arguments arguments = new BenchmarkSupport.Arguments(args);
      int seconds = 30;
      for (String option = arguments.nextOwn(); option != null; option = arguments.nextOwn()) {
        switch (option) {
          case "--signals" -> { }
          case "--seconds" -> seconds = Integer.parseInt(arguments.value());
          default -> throw BenchmarkSupport.Arguments.unknown(option);
        }
      }
      if (seconds < 1) {
        throw new IllegalArgumentException("--seconds must be at least 1");
      }
      return new Options(seconds, arguments.rounds(), arguments.jfr());
    }
  }

  private final RuntimeLayout layout = RuntimeLayout.locate();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicLong nextPerson = new AtomicLong();
  private final Path work;
  private final Options options;

  private SignalBenchmark(Path work, Options options) {
    this.work = work;
    this.options = options;
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Options options = BenchmarkSupport.optionsOrExit(args, Options::parse, USAGE);
    BenchmarkSupport.runAndPrint("wijkhub-bench-signals-", work -> new SignalBenchmark(work, options).run());
  }

  private String run() throws IOException, InterruptedException {
    List<Round> rounds = new ArrayList<>();
    for (int round = 1; round <= options.rounds(); round++) {
      try (EmbeddedStack stack = EmbeddedStack.start(work.resolve("stack-" + round))) {
        rounds.add(round(stack, round));
      }
    }
    return report(rounds);
  }

  private Round round(EmbeddedStack stack, int round) throws IOException, InterruptedException {
    String bootstrap = stack.broker().bootstrapServers();
    Path data = work.resolve("hub-" + round);
    int port = FreePorts.pick();
    URI api = URI.create("http://" + FreePorts.LOOPBACK + ":" + port + "/api/v1/signals");
    int signals = Latencies.sends(options.seconds(), RATE);
    progress("Round %d of %d: starting a hub (log %s)", round, options.rounds(), data.resolve("hub.log"));
    List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-Dwijkhub.api.demo-keys=true",
        "-Dwijkhub.api.requests-per-minute=" + REQUESTS_PER_MINUTE));
    if (round == 1 && options.jfr() != null) {
      jvm.add(BenchmarkSupport.flightRecording(options.jfr()));
    }
    Measurement measured;
    long[] matchLatencies;
    try (HubProcess hub = BenchmarkSupport.startHub(layout, stack, data, port, jvm)) {
      progress("Warming up: %d signals at %d/s", WARM_UP_SIGNALS, RATE);
      Map<String, Sent> warmUp = send(api, PARTNER, nextPerson.getAndAdd(WARM_UP_SIGNALS), WARM_UP_SIGNALS);
      try (Arrivals arrivals = Arrivals.start(bootstrap, TOPIC)) {
        arrivals.await(warmUp.keySet(), hub);
        progress("Measuring: %d signals at %d/s", signals, RATE);
        long first = System.nanoTime();
        long firstPerson = nextPerson.getAndAdd(signals);
        Map<String, Sent> sent = send(api, PARTNER, firstPerson, signals);
        long last = sent.values().stream().mapToLong(Sent::start).max().orElse(first);
        arrivals.await(sent.keySet(), hub);
        long[] latencies = sent.entrySet().stream()
            .mapToLong(signal -> arrivals.at(signal.getKey()) - signal.getValue().start())
            .toArray();
        measured = new Measurement(latencies, Latencies.achievedPerSecond(first, last, signals),
            arrivals.averageKeySize(), arrivals.averageValueSize());
        matchLatencies = matches(api, hub, bootstrap, firstPerson, Math.min(signals, MATCH_SIGNALS));
      }
    }
    progress("Baseline: EndToEndLatency, %d records of %d + %d bytes, acks=all", signals, measured.keySize(),
        measured.valueSize());
    EndToEndLatencyRunner.Result tool = new EndToEndLatencyRunner(layout, bootstrap, work.resolve("logs"))
        .run("bench.e2e-latency-" + round, signals, measured.keySize(), measured.valueSize());
    Round result = new Round(signals, measured.sentPerSecond(), Latencies.percentile(measured.latencies(), 50),
        Latencies.percentile(measured.latencies(), 99), Latencies.percentile(measured.latencies(), 100),
        measured.keySize(), measured.valueSize(), tool, matchLatencies.length,
        Latencies.percentile(matchLatencies, 50), Latencies.percentile(matchLatencies, 99));
    progress("Round %d: hub p50 %.1f ms, p99 %.1f ms; tool p50 %d ms, p99 %d ms; match p99 %.1f ms", round,
        result.p50Ms(), result.p99Ms(), tool.p50Ms(), tool.p99Ms(), result.matchP99Ms());
    return result;
  }

  private record Measurement(long[] latencies, double sentPerSecond, int keySize, int valueSize) {}

  /** When a signal's request started and when its 202 answer came ({@link System#nanoTime()}). */
  private record Sent(long start, long accepted) {}

  /**
   * The match latency: {@value #SECOND_SUPPLIER} signals each of {@code count} persons that {@value #PARTNER}
   * signalled from {@code firstPerson} on, at {@value #RATE}/s; per signal, the 202 answer (the signal accepted) to
   * the read_committed consumer's poll returning the {@code Match} that names it.
   */
  private long[] matches(URI api, HubProcess hub, String bootstrap, long firstPerson, int count)
      throws InterruptedException {
    try (Arrivals matches = Arrivals.start(bootstrap, MATCH_TOPIC)) {
      progress("Matching: %d signals of %s about persons %s signalled, at %d/s", count, SECOND_SUPPLIER, PARTNER,
          RATE);
      Map<String, Sent> sent = send(api, SECOND_SUPPLIER, firstPerson, count);
      matches.await(sent.keySet(), hub);
      return sent.entrySet().stream()
          .mapToLong(signal -> matches.at(signal.getKey()) - signal.getValue().accepted())
          .toArray();
    }
  }

  /**
   * Sends {@code count} signals of {@code partner} at {@value #RATE}/s about the persons from {@code firstPerson} on,
   * each when it is due; returns each accepted signal's id with when it was sent and accepted, once every answer is
   * in. Fails unless every answer is 202.
   */
  private Map<String, Sent> send(URI api, String partner, long firstPerson, int count) throws InterruptedException {
    Map<String, Sent> sent = new ConcurrentHashMap<>();
    List<CompletableFuture<Void>> answers = new ArrayList<>(count);
    LocalDate yesterday = LocalDate.now(AMSTERDAM).minusDays(1);
    long origin = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = Latencies.dueNanos(origin, i, RATE);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      HttpRequest request = HttpRequest.newBuilder(api)
          .timeout(ANSWER_TIMEOUT)
          .header("Authorization", "Bearer demo-" + partner)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(signalJson(firstPerson + i, yesterday, professional(partner)),
              StandardCharsets.UTF_8))
          .build();
      long start = System.nanoTime();
      answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(answer -> {
        long accepted = System.nanoTime();
        Matcher id = REFERENCE_ID.matcher(answer.body());
        if (answer.statusCode() != 202 || !id.find()) {
          throw new IllegalStateException("The API answered " + answer.statusCode() + ": " + answer.body());
        }
        sent.put(id.group(1), new Sent(start, accepted));
      }));
    }
    try {
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
          .get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("A signal was not accepted: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("The API did not answer every signal within " + ANSWER_TIMEOUT.toSeconds()
          + " s", e);
    }
    return sent;
  }

  /** Who signals for {@code partner}: the neighbourhood officer, or the municipality's youth worker. */
  private static String professional(String partner) {
    return PARTNER.equals(partner) ? "Wijkagent Benchmark" : "Jongerenwerker Benchmark";
  }

  /** One signal about a made-up young person, as {@code professional} would send it. */
  static String signalJson(long person, LocalDate date, String professional) {
    return String.format(Locale.ROOT, """
        [{"soort":"jongere-in-beeld","bsn":"%s","naam":"Benchmark Persoon %d","geboortedatum":"2010-05-01",\
        "adres":"Benchmarkstraat %d, 8925 AA Leeuwarden","wijk":"bilgaard","datum":"%s",\
        "professional":"%s","contact":"signalen@example.org","urgentie":"normaal",\
        "toelichting":"Signaal voor de benchmark"}]""", bsn(person), person, person % 200 + 1, date, professional);
  }

  /**
   * A distinct 9-digit number for each {@code n} below 35 million that passes the 11-test (9·d1 + 8·d2 + … + 2·d8 −
   * d9 divisible by 11 and not 0): eight digits from {@code n}, the ninth chosen to pass.
   */
  static String bsn(long n) {
    // Even, so that prefix + 1 never carries and is no other n's prefix; from 3, so that the sum is never 0.
    long prefix = 30_000_000 + 2 * n;
    int check = elevenTestCheck(prefix);
    if (check == 10) {
      // One more on the digit weighted 2 moves the check by 2, to 1.
      prefix++;
      check = elevenTestCheck(prefix);
    }
    return Long.toString(prefix) + check;
  }

  /** The ninth digit that makes {@code prefix} (eight digits) pass the 11-test; 10 when none does. */
  private static int elevenTestCheck(long prefix) {
    String digits = Long.toString(prefix);
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (9 - i) * (digits.charAt(i) - '0');
    }
    return sum % 11;
  }

  /**
   * A read_committed consumer of raw bytes on one topic (signals or matches) in a thread of its own, noting for every
   * signal id in a record's value the {@link System#nanoTime()} at which the poll that first returned it came back.
   */
  private static final class Arrivals implements AutoCloseable {

    private final Map<String, Long> at = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong keyBytes = new AtomicLong();
    private final AtomicLong valueBytes = new AtomicLong();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Thread thread;
    private volatile RuntimeException failure;

    private Arrivals(KafkaConsumer<byte[], byte[]> consumer, String topic) {
      this.consumer = consumer;
      this.topic = topic;
      this.thread = new Thread(this::poll, "arrivals-" + topic);
    }

    /** Assigned to every partition from the beginning; the topics exist once the first signal was accepted. */
    static Arrivals start(String bootstrapServers, String topic) {
      KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
          ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS,
          ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1,
          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60));
      if (partitions == null || partitions.isEmpty()) {
        consumer.close();
        throw new IllegalStateException("Topic " + topic + " does not exist after the warm-up's signals");
      }
      List<TopicPartition> assigned = partitions.stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .toList();
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Arrivals arrivals = new Arrivals(consumer, topic);
      arrivals.thread.start();
      return arrivals;
    }

    private void poll() {
      try {
        while (true) {
          var polled = consumer.poll(Duration.ofMillis(100));
          long now = System.nanoTime();
          for (ConsumerRecord<byte[], byte[]> record : polled) {
            records.incrementAndGet();
            keyBytes.addAndGet(record.key() == null ? 0 : record.key().length);
            valueBytes.addAndGet(record.value().length);
            // Avro writes a string as its length and its UTF-8 bytes: the id is readable as it stands.
            Matcher id = UUID.matcher(new String(record.value(), StandardCharsets.ISO_8859_1));
            while (id.find()) {
              at.putIfAbsent(id.group(), now);
            }
          }
        }
      } catch (WakeupException e) {
        // close() asked the loop to end
      } catch (RuntimeException e) {
        failure = e;
      } finally {
        consumer.close();
      }
    }

    /** Waits until every one of {@code ids} has arrived; fails if that takes too long or the hub exits. */
    void await(Iterable<String> ids, HubProcess hub) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ARRIVAL_TIMEOUT_SECONDS);
      for (String id : ids) {
        while (!at.containsKey(id)) {
          if (failure != null) {
            throw new IllegalStateException("The topic's consumer failed", failure);
          }
          if (!hub.isAlive()) {
            throw new IllegalStateException("The hub exited; see " + hub.logFile());
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Signal " + id + " did not arrive on " + topic + " within "
                + ARRIVAL_TIMEOUT_SECONDS + " s; see " + hub.logFile());
          }
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
      }
    }

    long at(String id) {
      return at.get(id);
    }

    int averageKeySize() {
      return (int) Math.round((double) keyBytes.get() / Math.max(records.get(), 1));
    }

    int averageValueSize() {
      return (int) Math.round((double) valueBytes.get() / Math.max(records.get(), 1));
    }

    @Override
    public void close() throws InterruptedException {
      consumer.wakeup();
      thread.join(TimeUnit.SECONDS.toMillis(30));
    }
  }

  private String report(List<Round> rounds) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("| round | signals | sent/s | p50 ms | p99 ms | max ms | tool p50 ms | tool p99 ms | p99 ratio"
            + " | matches | match p50 ms | match p99 ms |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < rounds.size(); i++) {
      Round round = rounds.get(i);
      out.append(String.format(Locale.ROOT, "| %d | %,d | %.1f | %.1f | %.1f | %.1f | %d | %d | %.1f | %d | %.1f"
              + " | %.1f |%n", i + 1, round.signals(), round.sentPerSecond(), round.p50Ms(), round.p99Ms(),
          round.maxNanos() / MS, round.tool().p50Ms(), round.tool().p99Ms(), round.ratio(), round.matches(),
          round.matchP50Ms(), round.matchP99Ms()));
    }
    double p50 = median(rounds, Round::p50Ms);
    double p99 = median(rounds, Round::p99Ms);
    long toolP99 = Math.round(median(rounds, round -> round.tool().p99Ms()));
    double matchP99 = median(rounds, Round::matchP99Ms);
    out.append(String.format(Locale.ROOT, "| **median of %d** | | | %.1f | **%.1f** | | %d | %d | %.1f | | %.1f"
                + " | **%.1f** |%n", rounds.size(), p50, p99, Math.round(median(rounds, round -> round.tool().p50Ms())),
            toolP99, median(rounds, Round::ratio), median(rounds, Round::matchP50Ms), matchP99))
        .append('\n')
        .append("| setting | value |\n")
        .append("|---|---|\n")
        .append(String.format(Locale.ROOT, "| signals | %d/s for %d s per round, one per request, after %d"
            + " warm-up signals; partner %s |%n", RATE, options.seconds(), WARM_UP_SIGNALS, PARTNER))
        .append(String.format(Locale.ROOT, "| matches | then up to %d signals of %s at %d/s, each about a person"
            + " %s signalled; latency from the 202 answer to the read_committed poll returning the Match on %s |%n",
            MATCH_SIGNALS, SECOND_SUPPLIER, RATE, PARTNER, MATCH_TOPIC))
        .append(String.format(Locale.ROOT, "| record size | key %d + value %d bytes (average of the hub's records;"
            + " the tool sends the same) |%n", rounds.get(0).keySize(), rounds.get(0).valueSize()))
        .append("| latency | request start to the read_committed consumer's poll returning the record (fetch.max"
            + ".wait.ms=" + FETCH_MAX_WAIT_MS + "); tool: EndToEndLatency, acks=all, one record at a time |\n")
        .append("| machine | ").append(BenchmarkSupport.machine()).append(", load average ")
        .append(BenchmarkSupport.loadAverage()).append(" at the end |\n")
        .append("| java | ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(" |\n\n")
        .append(String.format(Locale.ROOT,
            "signals_rate=%d p50_ms=%.1f p99_ms=%.1f baseline_p99_ms=%d match_p99_ms=%.1f%n", RATE, p50, p99, toolP99,
            matchP99));
    return out.toString();
  }

  private static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
    return BenchmarkSupport.median(rounds.stream().mapToDouble(value).toArray());
  }

  private static void progress(String format, Object... args) {
    LOG.info(String.format(Locale.ROOT, format, args));
  }
}
