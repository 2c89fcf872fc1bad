package nl.wijkhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.wijkhub.support.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./wijkhub start} as a user runs it: the launcher in a JVM of its own, with the real broker, registry and hub
 * jar. It lives in the routes module because only there is the hub jar built before the integration tests run.
 */
class LauncherIT {

  private static final Duration STARTUP = Duration.ofMinutes(7);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(10);

  private Path data;
  private Map<String, Integer> ports;
  private Process launcher;

  @BeforeEach
  void freePorts() {
    data = TestInfrastructure.tempDir("wijkhub-launcher-it");
    ports = Map.of("HUB_PORT", FreePorts.pick(), "KAFKA_PORT", FreePorts.pick(), "REGISTRY_PORT", FreePorts.pick(),
        "MAIL_SMTP_PORT", FreePorts.pick(), "MAIL_IMAP_PORT", FreePorts.pick());
  }

  @AfterEach
  void killLeftovers() {
    if (launcher != null) {
      launcher.descendants().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
    }
  }

  @Test
  void childrenEndWhenTheLauncherIsKilledWithSigkill() throws Exception {
    List<ProcessHandle> children = startAndAwaitReady();

    launcher.destroyForcibly();

    await().atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(children).noneMatch(ProcessHandle::isAlive));
    assertThat(ports.values()).allMatch(LauncherIT::isFree);
  }

  @Test
  void sigtermStopsTheHubRegistryAndBrokerWithinTenSeconds() throws Exception {
    List<ProcessHandle> children = startAndAwaitReady();

    long stopAt = System.nanoTime();
    launcher.destroy();
    assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(children).noneMatch(ProcessHandle::isAlive));
    Duration stopped = Duration.ofNanos(System.nanoTime() - stopAt);

    assertThat(stopped).as("SIGTERM until the launcher and all its children had exited").isLessThan(STOP_LIMIT);
    // A JVM that a signal ends reports 128 + the signal's number, whatever its shutdown hooks did: 143 for SIGTERM.
    assertThat(launcher.exitValue()).isEqualTo(143);
    assertThat(Files.readString(data.resolve("launcher.out"))).contains("Stopped.");
  }

  @Test
  void aBusyHubPortIsNamedWithTheVariableAndHowToFindItsUser() throws Exception {
    int hubPort = ports.get("HUB_PORT");
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(FreePorts.LOOPBACK, hubPort));
      start();

      assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(launcher.exitValue()).isEqualTo(1);
    assertThat(launcher.descendants()).isEmpty();
    assertThat(Files.readString(data.resolve("launcher.out"))).isEqualToIgnoringNewLines("Port " + hubPort
        + " for the hub is already in use (see what uses it with ss -ltnp 'sport = :" + hubPort + "'); stop that,"
        + " or choose another port with HUB_PORT=<port> ./wijkhub start");
  }

  private List<ProcessHandle> startAndAwaitReady() throws IOException {
    start();
    URI health = URI.create("http://127.0.0.1:" + ports.get("HUB_PORT") + "/actuator/health");
    await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> {
      assertThat(launcher.isAlive()).as("launcher alive; see " + data.resolve("launcher.out")).isTrue();
      return HttpProbe.answersOk(health);
    });
    List<ProcessHandle> children = launcher.descendants().toList();
    assertThat(children).as("broker, registry and hub").hasSizeGreaterThanOrEqualTo(3);
    return children;
  }

  private void start() throws IOException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-D" + RuntimeLayout.HOME_PROPERTY + "=" + RuntimeLayout.locate().home(),
        Launcher.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(data.resolve("launcher.out").toFile());
    Map<String, String> env = builder.environment();
    List.of("KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL", "WIJKHUB_MAIL_ENABLED", "MONITORING_DB_URL")
        .forEach(env::remove);
    env.put("WIJKHUB_DATA", data.toString());
    ports.forEach((name, port) -> env.put(name, Integer.toString(port)));
    launcher = builder.start();
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(FreePorts.LOOPBACK, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
