package nl.wijkhub.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM whose output goes to a log file. Every process this module starts goes through here, so that a
 * single shutdown hook can make sure none of them outlives the JVM that started it, even when a test JVM
 * ends without closing what it started; and when that JVM is killed and no hook runs, the {@link ParentWatchdog}
 * agent in each child ends the child.
 *
 * <p>Where {@code setsid} exists, children run in a session of their own: a terminal's Ctrl-C then reaches only
 * this JVM, whose shutdown hook stops them in order (see {@link #stopFirstOnExit}), instead of every process of
 * the terminal's process group at once.
 */
final class ChildProcess {

  /** Long enough for Kafka's controlled shutdown, which flushes its logs so a restart needs no recovery. */
  static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final Duration SHUTDOWN_HOOK_GRACE = Duration.ofSeconds(10);
  private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();
  private static final Deque<Runnable> ORDERLY_STOPS = new ConcurrentLinkedDeque<>();
  private static final Optional<Path> SETSID =
      Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of).filter(Files::isExecutable).findFirst();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ChildProcess::stopAllRunning, "wijkhub-child-reaper"));
  }

  /** Tells whether the child is ready yet; called repeatedly until it says so. */
  @FunctionalInterface
  interface ReadinessProbe {
    boolean isReady() throws InterruptedException;
  }

  private final String name;
  private final Process process;
  private final Path logFile;

  private ChildProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  /**
   * Starts {@code java <javaArguments>} with the JVM running this code, the given variables added to this
   * process's environment, and stdout and stderr appended to {@code logFile}.
   */
  static ChildProcess start(String name, List<String> javaArguments, Map<String, String> environment,
      Path workingDir, Path logFile) throws IOException {
    Files.createDirectories(workingDir);
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    List<String> command = new ArrayList<>();
    // setsid execs in place (a child of a JVM leads no process group), so the pid stays the JVM's.
    SETSID.ifPresent(setsid -> command.add(setsid.toString()));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Ends the child when this JVM is gone, even after a SIGKILL that skips the shutdown hook below.
    command.add(WatchdogAgentJar.javaAgentArgument());
    command.addAll(javaArguments);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workingDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(environment);
    ChildProcess child = new ChildProcess(name, builder.start(), logFile);
    RUNNING.add(child);
    child.process.onExit().thenRun(() -> RUNNING.remove(child));
    LOG.debug("Started {} (pid {}), output in {}", name, child.pid(), logFile);
    return child;
  }

  /** Runs {@code java <javaArguments>} to completion and fails, pointing at the log, unless it exits with 0. */
  static void run(String name, List<String> javaArguments, Path workingDir, Path logFile, Duration timeout)
      throws IOException, InterruptedException {
    ChildProcess child = start(name, javaArguments, Map.of(), workingDir, logFile);
    try {
      if (!child.awaitExit(timeout)) {
        throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + logFile);
      }
    } finally {
      child.kill();
    }
    if (child.process.exitValue() != 0) {
      throw new IllegalStateException(
          name + " exited with code " + child.process.exitValue() + "; see " + logFile);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path logFile() {
    return logFile;
  }

  /** Blocks until the process exits; returns its exit code. */
  int awaitExit() throws InterruptedException {
    return process.waitFor();
  }

  /** Whether the process exited within {@code timeout}. */
  boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Polls {@code probe} until it reports ready. Fails as soon as the child exits, rather than waiting out the
   * timeout, and in both cases names the log file that says why.
   */
  void awaitReady(Duration timeout, ReadinessProbe probe) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!probe.isReady()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with code " + process.exitValue()
            + " before it was ready; see " + logFile);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + logFile);
      }
      // Waiting for an exit instead of sleeping: the pause between probes ends early if the child dies.
      awaitExit(POLL_INTERVAL);
    }
  }

  /**
   * Asks the process and its descendants to stop (SIGTERM), waits up to {@code grace}, then kills whatever is
   * left. Returns once the process has exited.
   */
  void stop(Duration grace) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    descendants.forEach(ProcessHandle::destroy);
    try {
      if (!awaitExit(grace)) {
        LOG.warn("{} (pid {}) did not stop within {}; killing it", name, pid(), grace);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      kill(descendants);
    }
  }

  /** SIGKILL for the process and its descendants; returns once the process has exited. */
  void kill() {
    kill(process.descendants().toList());
  }

  private void kill(List<ProcessHandle> descendants) {
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    process.onExit().join();
  }

  /** The peak resident set size (VmHWM) in kB; empty when not on Linux or once the process has exited. */
  OptionalLong peakRssKb() {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid()), "status"))) {
      return lines.filter(line -> line.startsWith("VmHWM:"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
          .findFirst();
    } catch (IOException | UncheckedIOException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Has the shutdown hook run {@code stop} before it deals with leftovers, latest registration first. This is how a
   * main program stops its children in order: a shutdown hook of its own would run at the same time as this one.
   */
  static void stopFirstOnExit(Runnable stop) {
    ORDERLY_STOPS.push(stop);
  }

  /** The safety net: run the orderly stops, then give leftover children a short graceful stop and kill them. */
  private static void stopAllRunning() {
    for (Runnable stop : ORDERLY_STOPS) {
      try {
        stop.run();
      } catch (RuntimeException e) {
        LOG.warn("Stopping child processes in order failed: {}", e.toString());
      }
    }
    List<ChildProcess> leftovers = List.copyOf(RUNNING);
    if (leftovers.isEmpty()) {
      return;
    }
    LOG.warn("JVM exiting with {} child process(es) still running; stopping them", leftovers.size());
    leftovers.forEach(child -> child.process.destroy());
    Instant deadline = Instant.now().plus(SHUTDOWN_HOOK_GRACE);
    for (ChildProcess child : leftovers) {
      Duration left = Duration.between(Instant.now(), deadline);
      child.stop(left.isNegative() ? Duration.ZERO : left);
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + pid() + ")";
  }
}
