package nl.wijkhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HubProcess against a tiny executable jar that stands in for the hub. */
class HubProcessIT {

  /** A JVM's start on two cores shared with other builds can take tens of seconds; the wait ends when it answers. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  @TempDir
  Path dir;

  private Path jar;
  private int port;

  @BeforeEach
  void buildJar() throws IOException {
    jar = dir.resolve("hub.jar");
    port = FreePorts.pick();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, HealthEndpointApp.class.getName());
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      addClass(jarOut, HealthEndpointApp.class);
      addClass(jarOut, FreePorts.class);
    }
  }

  @Test
  void stopShutsDownGracefully() throws Exception {
    HubProcess hub = start(Map.of("PORT", Integer.toString(port)));
    hub.awaitHttpReady(health(), READY_TIMEOUT);

    assertThat(hub.peakRssKb()).isPresent();
    assertThat(hub.peakRssKb().getAsLong()).isPositive();
    hub.stop();

    assertThat(hub.isAlive()).isFalse();
    assertThat(ProcessHandle.of(hub.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(Files.readString(hub.logFile())).contains(HealthEndpointApp.GRACEFUL_SHUTDOWN_MARKER);
    assertThat(hub.peakRssKb()).isEmpty();
  }

  @Test
  void killGivesTheHubNoChanceToShutDown() throws Exception {
    HubProcess hub = start(Map.of("PORT", Integer.toString(port)));
    hub.awaitHttpReady(health(), READY_TIMEOUT);

    hub.kill();

    assertThat(hub.isAlive()).isFalse();
    assertThat(Files.readString(hub.logFile())).doesNotContain(HealthEndpointApp.GRACEFUL_SHUTDOWN_MARKER);
  }

  @Test
  void waitingForAHubThatCrashedFailsAtOnce() throws Exception {
    try (HubProcess hub = start(Map.of("PORT", "not-a-port"))) {
      assertThatThrownBy(() -> hub.awaitHttpReady(health(), READY_TIMEOUT))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("exited with code 1")
          .hasMessageContaining(hub.logFile().toString());
    }
  }

  private HubProcess start(Map<String, String> environment) throws IOException {
    return HubProcess.start(jar, List.of("-Xmx64m"), environment, dir.resolve("hub.log"));
  }

  private URI health() {
    return URI.create("http://" + FreePorts.LOOPBACK + ":" + port + "/health");
  }

  private static void addClass(JarOutputStream jar, Class<?> type) throws IOException {
    String entry = type.getName().replace('.', '/') + ".class";
    jar.putNextEntry(new JarEntry(entry));
    try (InputStream bytes = type.getClassLoader().getResourceAsStream(entry)) {
      bytes.transferTo(jar);
    }
    jar.closeEntry();
  }
}
