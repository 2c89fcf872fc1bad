package nl.wijkhub.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./wijkhub start}: runs Wijkhub on this machine until Ctrl-C. Starts a Kafka broker and a schema registry,
 * then the hub jar, each as a child process of this JVM (so the broker outlives a crash of the hub), and stops
 * them when this JVM stops: the hub first, then the registry and the broker.
 *
 * <p>Environment: {@code WIJKHUB_DATA} (data directory, default {@code ./data}), {@code HUB_PORT} (8080),
 * {@code KAFKA_PORT} (9092), {@code REGISTRY_PORT} (8081), {@code MAIL_SMTP_PORT} (3025) and {@code MAIL_IMAP_PORT}
 * (3143). With both {@code KAFKA_BOOTSTRAP_SERVERS} and {@code SCHEMA_REGISTRY_URL} set, those are used and no
 * broker or registry is started. Unless {@code WIJKHUB_MAIL_ENABLED} is set, the embedded default also runs a demo
 * mail server ({@link DemoMailServer}) for the e-mail channel. The hub inherits the rest
 * of the environment ({@code MONITORING_DB_URL} and so on).
 *
 * <p>One instance per data directory: a lock on {@code <data>/.wijkhub.lock} says whether one runs.
 */
public final class Launcher {

  static final String LOCK_FILE = ".wijkhub.lock";

  /** 20-35 s on an idle machine; minutes on a loaded one (a shared CI runner), where giving up helps no one. */
  private static final Duration HUB_STARTUP = Duration.ofMinutes(5);

  /**
   * The hub's heap. Files are streamed, so the heap does not grow with a delivery; with this cap the hub stays near
   * 400 MB resident (README, Performance). deploy/compose/compose.yaml states the same value.
   */
  static final String HUB_HEAP = "-Xmx256m";

  /** A port this launcher needs, named the way the error message tells the user how to change it. */
  private record Port(String user, String variable, int number) {}

  /** Held for the life of the JVM; a static field, so that the collector never closes the channel and its lock. */
  private static FileChannel lockChannel;

  private final Map<String, String> env;
  private final Path dataDir;
  private final int hubPort;
  private volatile boolean stopping;
  /** What the broker gets for its controlled shutdown at Ctrl-C (8 s measured under load); then it is killed. */
  private static final Duration BROKER_STOP_GRACE = Duration.ofSeconds(5);
  private volatile EmbeddedStack stack;
  private volatile DemoMailServer mail;
  private volatile HubProcess hub;

  private Launcher(Map<String, String> env) {
    this.env = env;
    this.dataDir = Path.of(setting("WIJKHUB_DATA").orElse("data")).toAbsolutePath().normalize();
    this.hubPort = port("HUB_PORT", 8080);
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0) {
      System.err.println("./wijkhub start takes no arguments; see ./wijkhub help");
      System.exit(2);
    }
    try {
      System.exit(new Launcher(System.getenv()).run());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }

  private int run() throws InterruptedException {
    Optional<String> kafka = setting("KAFKA_BOOTSTRAP_SERVERS");
    Optional<String> registry = setting("SCHEMA_REGISTRY_URL");
    if (kafka.isPresent() != registry.isPresent()) {
      System.err.println("Set both KAFKA_BOOTSTRAP_SERVERS and SCHEMA_REGISTRY_URL (to use a running Kafka and"
          + " registry) or neither (to start them here).");
      return 2;
    }
    boolean embedded = kafka.isEmpty();
    boolean demoMail = embedded && setting("WIJKHUB_MAIL_ENABLED").isEmpty();
    Port forHub = new Port("the hub", "HUB_PORT", hubPort);
    Port forKafka = new Port("Kafka", "KAFKA_PORT", port("KAFKA_PORT", 9092));
    Port forRegistry = new Port("the schema registry", "REGISTRY_PORT", port("REGISTRY_PORT", 8081));
    Port forSmtp = new Port("the demo mail server (SMTP)", "MAIL_SMTP_PORT", port("MAIL_SMTP_PORT", 3025));
    Port forImap = new Port("the demo mail server (IMAP)", "MAIL_IMAP_PORT", port("MAIL_IMAP_PORT", 3143));
    List<Port> ports = new ArrayList<>(List.of(forHub));
    if (embedded) {
      ports.addAll(List.of(forKafka, forRegistry));
    }
    if (demoMail) {
      ports.addAll(List.of(forSmtp, forImap));
    }
    Optional<String> refusal = lock().or(() -> busyPort(ports));
    if (refusal.isPresent()) {
      System.err.println(refusal.get());
      return 1;
    }

    long startedAt = System.nanoTime();
    ChildProcess.stopFirstOnExit(this::stopAll);
    try {
      if (embedded) {
        System.out.println("Starting Kafka and the schema registry (logs under " + shown(runtimeDir()) + ")");
        stack = EmbeddedStack.start(runtimeDir(), forKafka.number(), forRegistry.number());
        kafka = Optional.of(stack.broker().bootstrapServers());
        registry = Optional.of(stack.registry().baseUrl());
      }
      Map<String, String> hubEnvironment = new HashMap<>(Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", kafka.get(),
          "SCHEMA_REGISTRY_URL", registry.get(),
          "WIJKHUB_DATA", dataDir.toString(),
          "HUB_PORT", Integer.toString(hubPort),
          // The tour's partners call the API with demo-<partnerId>; only ever on this machine's own hub.
          "WIJKHUB_API_DEMO_KEYS", "true",
          // Demo logins, each with its own name as password; refused under the prod profile like the demo keys.
          "WIJKHUB_SECURITY_DEMO_USERS", "true"));
      if (demoMail) {
        mail = DemoMailServer.start(forSmtp.number(), forImap.number());
        hubEnvironment.putAll(mail.hubEnvironment());
      }
      System.out.println("Starting the hub (log " + shown(hubLog()) + ")");
      hub = HubProcess.start(RuntimeLayout.locate().hubJar(), List.of(HUB_HEAP), hubEnvironment, hubLog());
      hub.awaitHttpReady(URI.create("http://" + FreePorts.LOOPBACK + ":" + hubPort + "/actuator/health"),
          HUB_STARTUP);
    } catch (IOException | RuntimeException e) {
      if (!stopping) {
        System.err.println("Wijkhub did not start: " + e.getMessage());
      }
      return 1;
    }
    printBanner(kafka.get(), registry.get(), embedded, Duration.ofNanos(System.nanoTime() - startedAt));
    System.out.println("""
        Demo logins (password = the name): demo-programmabureau, demo-programmabureau-svn (programme office),
          demo-beheer (operator), demo-fg, demo-fg-lv (privacy officer), demo-pmg-multiteam, demo-svn-multiteam
          (MultiTeam), demo-<partnerId> (partners); e.g. curl -u demo-beheer:demo-beheer \
          http://localhost:%d/actuator/health
        """.formatted(hubPort));

    int exitCode = hub.awaitExit();
    if (stopping) {
      // Ctrl-C: the shutdown hook is stopping everything; the JVM exits when it is done.
      return 0;
    }
    System.err.println("The hub stopped unexpectedly (exit code " + exitCode + "); see " + hubLog()
        + ". Stopping the rest.");
    return 1;
  }

  /** Run by the shutdown hook: the hub first, so that it stops while Kafka can still take its last writes. */
  private void stopAll() {
    stopping = true;
    HubProcess runningHub = hub;
    EmbeddedStack runningStack = stack;
    DemoMailServer runningMail = mail;
    if (runningHub == null && runningStack == null && runningMail == null) {
      return;
    }
    System.out.println("Stopping Wijkhub...");
    if (runningHub != null) {
      runningHub.stop();
    }
    if (runningMail != null) {
      runningMail.close();
    }
    if (runningStack != null) {
      // Ctrl-C must be done within 10 s: the hub has stopped writing, so the broker gets a short grace.
      runningStack.close(BROKER_STOP_GRACE);
    }
    System.out.println("Stopped.");
  }

  /** Empty when this JVM now holds the data directory's lock, else why not. */
  private Optional<String> lock() {
    try {
      Files.createDirectories(dataDir);
      // No TRUNCATE_EXISTING: the running instance's pid stays readable until this one holds the lock.
      FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String pid = new String(Files.readAllBytes(dataDir.resolve(LOCK_FILE)), StandardCharsets.US_ASCII).strip();
        channel.close();
        return Optional.of("Wijkhub is already running (data dir " + dataDir + ", pid "
            + (pid.isEmpty() ? "unknown" : pid) + ")");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
      lockChannel = channel;
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock " + dataDir.resolve(LOCK_FILE), e);
    }
  }

  /** Checked before starting anything, so that a taken port is named instead of failing half-way. */
  private static Optional<String> busyPort(List<Port> ports) {
    return ports.stream()
        .filter(port -> !isFree(port.number()))
        .findFirst()
        .map(port -> "Port " + port.number() + " for " + port.user() + " is already in use (see what uses it with"
            + " ss -ltnp 'sport = :" + port.number() + "'); stop that, or choose another port with "
            + port.variable() + "=<port> ./wijkhub start");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(FreePorts.LOOPBACK, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void printBanner(String kafka, String registry, boolean embedded, Duration startup) {
    String store = setting("MONITORING_DB_URL")
        // The part before any '?', which is where JDBC URLs carry passwords.
        .map(url -> url.replaceAll("\\?.*", ""))
        .orElse("H2 file " + shown(dataDir.resolve("monitoring").resolve("store.mv.db")));
    String hubUrl = "http://localhost:" + hubPort;
    System.out.printf(Locale.ROOT, """

        Wijkhub is running (ready in %.1f s).
          Kafka     %s%s
          Registry  %s%s
          Hub       %s  (heap %s; log %s)
          Store     %s
          Data      %s  (inbox/<partner>/ in, outbox/<partner>/ receipts)
          Mail      %s

        Deliver a first file:
          cp %s %s/
          ./wijkhub receipt dbieb dbieb-2024.csv
          curl -u demo-programmabureau:demo-programmabureau '%s/api/v1/observations?indicator=taalmaatjes-gekoppeld'
        or through the API, with partner dbieb's demo key:
          curl -H 'Authorization: Bearer demo-dbieb' -H 'Content-Type: text/csv' \\
            --data-binary @%s '%s/api/v1/submissions?dryRun=true'

        Ctrl-C stops %s.
        """,
        startup.toMillis() / 1000.0,
        kafka, embedded ? "  (log " + shown(stack.broker().logFile()) + ")" : "  (external)",
        registry, embedded ? "  (Apicurio; log " + shown(stack.registry().logFile()) + ")" : "  (external)",
        hubUrl, HUB_HEAP, shown(hubLog()),
        store,
        shown(dataDir),
        mail == null ? "off (set WIJKHUB_MAIL_* for a real mailbox)" : "demo server, SMTP 127.0.0.1:"
            + mail.smtpPort() + ", IMAP 127.0.0.1:" + mail.imapPort() + ", mailbox " + DemoMailServer.MAILBOX,
        shown(RuntimeLayout.locate().home().resolve("examples").resolve("dbieb-2024.csv")),
        shown(dataDir.resolve("inbox").resolve("dbieb")),
        hubUrl,
        shown(RuntimeLayout.locate().home().resolve("examples").resolve("dbieb-2024-met-fouten.csv")),
        hubUrl,
        embedded ? "the hub, the registry, Kafka" + (mail == null ? "" : " and the mail server") : "the hub");
  }

  private Path runtimeDir() {
    return dataDir.resolve("runtime");
  }

  private Path hubLog() {
    return dataDir.resolve("logs").resolve("hub.log");
  }

  /** Relative to the working directory when inside it, so the printed commands can be pasted as they are. */
  private static String shown(Path path) {
    Path cwd = Path.of("").toAbsolutePath();
    return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
  }

  private Optional<String> setting(String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
  }

  private int port(String name, int defaultPort) {
    String value = setting(name).orElse(Integer.toString(defaultPort));
    try {
      int port = Integer.parseInt(value);
      if (port > 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " is not a port number: " + value);
  }
}
