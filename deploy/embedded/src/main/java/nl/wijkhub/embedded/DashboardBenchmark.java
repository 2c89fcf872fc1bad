package nl.wijkhub.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./wijkhub bench --dashboard [--requests N] [--jfr FILE]}: how long the hub takes to render the overview of a programme
 * with {@value #YEARS} years × {@value #INDICATORS} indicators × {@value #WIJKEN} wijken, server-side.
 *
 * <ol>
 *   <li>Copies the repository's reference data and adds programme {@value #PROGRAMME} with {@value #WIJKEN} wijken,
 *       {@value #INDICATORS} indicators over five pillars (every third with a target), partner {@value #PARTNER}
 *       that delivers them all, and a staff login for the programme in {@code users.yaml}.
 *   <li>Starts a broker, a registry and the hub jar ({@code -Xmx256m}, fresh H2 store) on that reference data, drops
 *       one CSV with every figure ({@value #YEARS} × {@value #INDICATORS} × {@value #WIJKEN} rows) into the
 *       partner's inbox, waits for its receipt and then until the observations API lists every figure.
 *   <li>Logs in through the form as staff and requests {@code /dashboard/bench?jaar=2024} {@value #WARM_UP} times
 *       unmeasured (the JIT and the caches), then N times (default 200) one after the other, each timed from
 *       sending the request to having read the whole page; the same for the public page {@code /publiek/bench},
 *       which adds the suppression of small numbers. p50, p95 and max by nearest rank.
 * </ol>
 *
 * <p>{@code --jfr FILE} has the hub record a JFR profile into FILE, written when it stops.
 *
 * <p>Prints a Markdown table and, as its last line, {@code overview_p95_ms=… overview_p50_ms=… public_p95_ms=…}.
 * The target is an overview p95 below 200 ms on this machine.
 */
public final class DashboardBenchmark {

  static final String PROGRAMME = "bench";
  static final String PARTNER = "bench-partner";
  static final int YEARS = 5;
  static final int INDICATORS = 50;
  static final int WIJKEN = 7;
  static final int WARM_UP = 50;
  static final int FIRST_YEAR = 2020;

  private static final Logger LOG = LoggerFactory.getLogger(DashboardBenchmark.class);
  private static final String USAGE = "usage: ./wijkhub bench --dashboard [--requests N] [--jfr FILE]";
  private static final String STAFF = "bench-programmabureau";
  /** bcrypt (cost 4) of the password, which is the login name: public, like the demo users'. */
  private static final String STAFF_BCRYPT = "$2a$04$0XS7rilaDNuEeRgPgkeTju46h.hvDn7OTpCTVkq.n.fV/kx4MReEi";
  private static final String[] PILLARS = {"leren", "werken", "wonen", "gezond", "veilig"};
  private static final Duration STORE_CATCH_UP = Duration.ofMinutes(5);
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
  private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern FIGURE = Pattern.compile("\"withheldParts\"");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final double MS = 1e6;

  /** Latencies of one page, in nanoseconds, sorted. */
  record Timings(String page, long[] nanos) {

    long percentile(int p) {
      return nanos[Math.max(0, (int) Math.ceil(p / 100.0 * nanos.length) - 1)];
    }

    String row() {
      return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |", page, nanos.length, percentile(50) / MS,
          percentile(95) / MS, nanos[nanos.length - 1] / MS);
    }
  }

  private final RuntimeLayout layout = RuntimeLayout.locate();
  private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
  private final Path work;
  private final int requests;
  private final Path jfr;
  private int port;

  private DashboardBenchmark(Path work, Options options) {
    this.work = work;
    this.requests = options.requests();
    this.jfr = options.jfr();
  }

  record Options(int requests, Path jfr) {

    static Options parse(String[] args) {
      BenchmarkSupport.Arguments arguments = new BenchmarkSupport.Arguments(args);
      int requests = 200;
      for (String option = arguments.nextOwn(); option != null; option = arguments.nextOwn()) {
        switch (option) {
          case "--dashboard" -> { }
          case "--requests" -> requests = Integer.parseInt(arguments.value());
          default -> throw BenchmarkSupport.Arguments.unknown(option);
        }
      }
      arguments.refuseRounds();
      if (requests < 20) {
        throw new IllegalArgumentException("--requests must be at least 20, so that a p95 means something");
      }
      return new Options(requests, arguments.jfr());
    }
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Options options = BenchmarkSupport.optionsOrExit(args, Options::parse, USAGE);
    BenchmarkSupport.runAndPrint("wijkhub-bench-dashboard-", work -> new DashboardBenchmark(work, options).run());
  }

  private String run() throws IOException, InterruptedException {
    Path config = referenceData(work.resolve("config"));
    Path data = Files.createDirectories(work.resolve("data"));
    Path csv = figures(work.resolve("bench-figures.csv"));
    try (EmbeddedStack stack = EmbeddedStack.start(work.resolve("stack"))) {
      port = FreePorts.pick();
      List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
      if (jfr != null) {
        jvm.add(BenchmarkSupport.flightRecording(jfr));
      }
      try (HubProcess hub = BenchmarkSupport.startHub(layout, stack, data, port, jvm,
          Map.of("WIJKHUB_CONFIG", config.toUri().toString()))) {
        deliver(hub, data, csv);
        awaitStore(hub);
        logIn();
        Timings overview = measure("overzicht (staff)", "/dashboard/" + PROGRAMME + "?jaar=2024");
        Timings open = measure("publiek", "/publiek/" + PROGRAMME + "?jaar=2024");
        return report(overview, open);
      }
    }
  }

  /** The repository's reference data plus the benchmark's programme, partner, indicators and staff login. */
  private Path referenceData(Path config) throws IOException {
    Path source = layout.home().resolve("config");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = config.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    StringBuilder programme = new StringBuilder("  - id: " + PROGRAMME + "\n    name: Benchmark\n"
        + "    municipality: benchmark\n    wijken:\n");
    for (int w = 1; w <= WIJKEN; w++) {
      programme.append("      - code: wijk-").append(w).append("\n        name: Wijk ").append(w)
          .append("\n        aliases: []\n");
    }
    append(config.resolve("programmes.yaml"), programme.toString());
    append(config.resolve("partners.yaml"), "  - id: " + PARTNER + "\n    name: Benchmarkpartner\n    programme: "
        + PROGRAMME + "\n    sector: bibliotheek\n    wijken: [\"*\"]\n");
    StringBuilder indicators = new StringBuilder();
    for (int i = 1; i <= INDICATORS; i++) {
      indicators.append("  - code: indicator-").append(i).append("\n    programme: ").append(PROGRAMME)
          .append("\n    name: \"Indicator ").append(i).append("\"\n    pillar: ")
          .append(PILLARS[(i - 1) % PILLARS.length]).append("\n    intervention: \"Interventie ")
          .append((i - 1) / 5 + 1).append("\"\n    unit: deelnemers\n    deliveredBy: [\"").append(PARTNER)
          .append("\"]\n");
      if (i % 3 == 0) {
        indicators.append("    target: {period: \"2024\", value: ").append(100 * i).append("}\n");
      }
    }
    append(config.resolve("indicators.yaml"), indicators.toString());
    Files.writeString(config.resolve("users.yaml"), "users:\n  - name: " + STAFF + "\n    bcrypt: \"" + STAFF_BCRYPT
        + "\"\n    roles: [\"staff:" + PROGRAMME + "\"]\n");
    return config;
  }

  /** Every figure of the programme: one row per year, indicator and wijk; a few below 5, as in real programmes. */
  private static Path figures(Path csv) throws IOException {
    StringBuilder rows = new StringBuilder("indicator;wijk;periode;waarde\n");
    for (int y = 0; y < YEARS; y++) {
      for (int i = 1; i <= INDICATORS; i++) {
        for (int w = 1; w <= WIJKEN; w++) {
          rows.append("indicator-").append(i).append(";wijk-").append(w).append(';').append(FIRST_YEAR + y)
              .append(';').append((i * 7 + w * 13 + y * 5) % 60).append('\n');
        }
      }
    }
    return Files.writeString(csv, rows);
  }

  private void deliver(HubProcess hub, Path data, Path csv) throws IOException, InterruptedException {
    Path inbox = Files.createDirectories(data.resolve("inbox").resolve(PARTNER));
    Path receipt = data.resolve("outbox").resolve(PARTNER).resolve(csv.getFileName() + ".receipt.json");
    progress("Dropping %d figures into %s", YEARS * INDICATORS * WIJKEN, inbox);
    Files.move(csv, inbox.resolve(csv.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    long deadline = System.nanoTime() + STORE_CATCH_UP.toNanos();
    while (!Files.exists(receipt)) {
      check(hub, deadline, "no receipt for the figures");
      Thread.sleep(50);
    }
    Matcher status = STATUS.matcher(Files.readString(receipt));
    if (!status.find() || !status.group(1).equals("ACCEPTED")) {
      throw new IllegalStateException("The figures were not all accepted; see " + receipt);
    }
  }

  /** Waits until the observations API lists every figure: the store has caught up with the delivery. */
  private void awaitStore(HubProcess hub) throws InterruptedException {
    long deadline = System.nanoTime() + STORE_CATCH_UP.toNanos();
    int expected = YEARS * INDICATORS * WIJKEN;
    int stored;
    while ((stored = storedFigures()) < expected) {
      check(hub, deadline, "the store holds " + stored + " of " + expected + " figures");
      Thread.sleep(200);
    }
    progress("The store holds all %d figures", expected);
  }

  private int storedFigures() {
    String basic = "Basic " + Base64.getEncoder().encodeToString((STAFF + ":" + STAFF)
        .getBytes(StandardCharsets.UTF_8));
    int count = 0;
    String cursor = null;
    do {
      String query = "/api/v1/observations?programme=" + PROGRAMME + "&limit=1000"
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      HttpResponse<String> page = send(HttpRequest.newBuilder(uri(query)).header("Authorization", basic).GET());
      if (page.statusCode() != 200) {
        throw new IllegalStateException("GET " + query + " answered " + page.statusCode() + ": " + page.body());
      }
      count += (int) FIGURE.matcher(page.body()).results().count();
      Matcher next = NEXT.matcher(page.body());
      cursor = next.find() ? next.group(1) : null;
    } while (cursor != null);
    return count;
  }

  private void logIn() {
    Matcher csrf = CSRF.matcher(send(HttpRequest.newBuilder(uri("/login")).GET()).body());
    if (!csrf.find()) {
      throw new IllegalStateException("No CSRF token in the login form");
    }
    send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + STAFF + "&password=" + STAFF + "&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))));
  }

  private Timings measure(String name, String path) {
    HttpRequest request = HttpRequest.newBuilder(uri(path)).GET().build();
    for (int i = 0; i < WARM_UP; i++) {
      page(request, path);
    }
    long[] nanos = new long[requests];
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      page(request, path);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    Timings timings = new Timings(name, nanos);
    progress("%s: p50 %.1f ms, p95 %.1f ms", name, timings.percentile(50) / MS, timings.percentile(95) / MS);
    return timings;
  }

  /** One page, which must be the overview with the programme's last indicator in it (not a login form). */
  private void page(HttpRequest request, String path) {
    HttpResponse<String> page = send(request);
    if (page.statusCode() != 200 || !page.body().contains("Indicator " + INDICATORS + "<")) {
      throw new IllegalStateException("GET " + path + " answered " + page.statusCode() + " without the overview");
    }
  }

  private String report(Timings overview, Timings open) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# Dashboard overview: " + YEARS + " years × " + INDICATORS + " indicators × " + WIJKEN + " wijken");
    lines.add("");
    lines.add("Machine: " + BenchmarkSupport.machine() + "; load average " + BenchmarkSupport.loadAverage()
        + " at the end. Sequential requests after " + WARM_UP + " unmeasured ones; hub with -Xmx256m, H2 store.");
    lines.add("");
    lines.add("| page | requests | p50 ms | p95 ms | max ms |");
    lines.add("| --- | --- | --- | --- | --- |");
    lines.add(overview.row());
    lines.add(open.row());
    lines.add("");
    lines.add(String.format(Locale.ROOT, "overview_p95_ms=%.1f overview_p50_ms=%.1f public_p95_ms=%.1f",
        overview.percentile(95) / MS, overview.percentile(50) / MS, open.percentile(95) / MS));
    return String.join("\n", lines) + "\n";
  }

  private static void check(HubProcess hub, long deadline, String what) {
    if (!hub.isAlive()) {
      throw new IllegalStateException("The hub exited; see " + hub.logFile());
    }
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("Gave up waiting: " + what + "; see " + hub.logFile());
    }
  }

  private static void append(Path file, String text) throws IOException {
    String existing = Files.readString(file);
    Files.writeString(file, (existing.endsWith("\n") ? "" : "\n") + text, StandardOpenOption.APPEND);
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://" + FreePorts.LOOPBACK + ":" + port + pathAndQuery);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void progress(String format, Object... args) {
    LOG.info(String.format(Locale.ROOT, format, args));
  }
}
