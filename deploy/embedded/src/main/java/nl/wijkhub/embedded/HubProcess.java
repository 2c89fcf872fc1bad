package nl.wijkhub.embedded;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A Spring Boot fat jar (the hub) running as a child JVM, as the benchmark and the crash tests need it: in its
 * own process so that it can be killed without warning and its memory measured on its own.
 *
 * <p>It runs in the current working directory, as {@code java -jar} from here would, with its output
 * appended to the given log file.
 */
public final class HubProcess implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final ChildProcess process;

  private HubProcess(ChildProcess process) {
    this.process = process;
  }

  /**
   * Starts {@code java <jvmArguments> -jar <jar>} with {@code environment} added to this process's
   * environment. Returns at once; use {@link #awaitHttpReady} to wait for it.
   */
  public static HubProcess start(Path jar, List<String> jvmArguments, Map<String, String> environment, Path logFile)
      throws IOException {
    List<String> command = new ArrayList<>(jvmArguments);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    return new HubProcess(ChildProcess.start("Hub " + jar.getFileName(), command, environment,
        Path.of("").toAbsolutePath(), logFile.toAbsolutePath()));
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path logFile() {
    return process.logFile();
  }

  /**
   * Waits until a GET of {@code healthUrl} answers 200 (for example the actuator's health endpoint). Fails
   * early if the hub exits, and after {@code timeout}; the hub is left running in the latter case.
   */
  public void awaitHttpReady(URI healthUrl, Duration timeout) throws InterruptedException {
    process.awaitReady(timeout, () -> HttpProbe.answersOk(healthUrl));
  }

  /** Blocks until the hub exits, however it ends; returns its exit code. */
  public int awaitExit() throws InterruptedException {
    return process.awaitExit();
  }

  /** SIGKILL, as in a crash: no shutdown hooks, no graceful shutdown. Returns once the hub has exited. */
  public void kill() {
    process.kill();
  }

  /** SIGTERM, so Spring runs its graceful shutdown; killed if still running after 30 s. */
  public void stop() {
    process.stop(STOP_GRACE);
  }

  /** Peak resident memory (VmHWM) in kB while the hub runs on Linux; empty elsewhere or after it exited. */
  public OptionalLong peakRssKb() {
    return process.peakRssKb();
  }

  @Override
  public void close() {
    stop();
  }
}
