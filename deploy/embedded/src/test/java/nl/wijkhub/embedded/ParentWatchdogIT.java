package nl.wijkhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child started through {@link ChildProcess} ends when its parent JVM is killed, which runs no shutdown hook. */
class ParentWatchdogIT {

  @TempDir
  Path dir;

  private Process parent;

  @AfterEach
  void killLeftovers() {
    if (parent != null) {
      parent.descendants().forEach(ProcessHandle::destroyForcibly);
      parent.destroyForcibly();
    }
  }

  @Test
  void aChildEndsSoonAfterItsParentIsKilledWithSigkill() throws Exception {
    int port = FreePorts.pick();
    Path log = dir.resolve("child.log");
    parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-cp", System.getProperty("java.class.path"), WatchedChildStarter.class.getName(),
        Integer.toString(port), dir.toString(), log.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("parent.log").toFile()).start();
    URI health = URI.create("http://" + FreePorts.LOOPBACK + ":" + port + "/health");
    await().atMost(Duration.ofMinutes(2)).until(() -> HttpProbe.answersOk(health));
    List<ProcessHandle> children = parent.descendants().toList();
    assertThat(children).hasSize(1);

    parent.destroyForcibly();

    await().atMost(Duration.ofSeconds(20)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
    // Ended by the watchdog, through System.exit: the child's own shutdown hook ran.
    assertThat(Files.readString(log)).contains("is gone; stopping")
        .contains(HealthEndpointApp.GRACEFUL_SHUTDOWN_MARKER);
  }
}
