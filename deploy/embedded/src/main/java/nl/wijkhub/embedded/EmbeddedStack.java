package nl.wijkhub.embedded;

import java.io.IOException;
import java.time.Duration;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Kafka broker and the schema registry together, each a child process with its files under one work
 * directory: {@code <workDir>/kafka} and {@code <workDir>/registry}.
 *
 * <p>Children never outlive the JVM that started them: besides {@link #close()}, a shutdown hook (in the
 * package's process handling) stops any that are still running when the JVM exits, for instance when a test
 * JVM ends abnormally. Only a SIGKILL of this JVM gets past that.
 */
public final class EmbeddedStack implements AutoCloseable {

  private final Path workDir;
  private final KafkaBroker broker;
  private final SchemaRegistry registry;

  private EmbeddedStack(Path workDir, KafkaBroker broker, SchemaRegistry registry) {
    this.workDir = workDir;
    this.broker = broker;
    this.registry = registry;
  }

  /** Starts both on free ports. */
  public static EmbeddedStack start(Path workDir) throws IOException, InterruptedException {
    return start(workDir, 0, 0);
  }

  /**
   * Starts both on the given ports (0 picks a free one). The registry boots on a background thread while
   * this one starts the broker, so the stack is ready about as soon as the slower of the two.
   */
  public static EmbeddedStack start(Path workDir, int kafkaPort, int registryPort)
      throws IOException, InterruptedException {
    RuntimeLayout layout = RuntimeLayout.locate();
    Path dir = workDir.toAbsolutePath();
    ExecutorService background = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "wijkhub-registry-start");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Future<SchemaRegistry> registryStart =
          background.submit(() -> SchemaRegistry.start(layout, dir.resolve("registry"), registryPort));
      KafkaBroker broker;
      try {
        broker = KafkaBroker.start(layout, dir.resolve("kafka"), kafkaPort);
      } catch (IOException | InterruptedException | RuntimeException e) {
        closeOnceStarted(registryStart, e);
        throw e;
      }
      try {
        return new EmbeddedStack(dir, broker, awaitRegistry(registryStart));
      } catch (IOException | InterruptedException | RuntimeException e) {
        broker.close();
        throw e;
      }
    } finally {
      background.shutdown();
    }
  }

  public Path workDir() {
    return workDir;
  }

  public KafkaBroker broker() {
    return broker;
  }

  public SchemaRegistry registry() {
    return registry;
  }

  /** Stops the registry and the broker; both have exited when this returns. */
  @Override
  public void close() {
    close(ChildProcess.GRACEFUL_STOP);
  }

  /**
   * Stops the registry and the broker side by side, the broker given {@code brokerGrace} for its controlled
   * shutdown before it is killed (a killed broker recovers its logs at the next start). Neither needs the other to
   * stop, so Ctrl-C waits for the slower of the two rather than their sum.
   */
  public void close(Duration brokerGrace) {
    Thread registryStop = new Thread(registry::close, "registry-stop");
    registryStop.start();
    try {
      broker.close(brokerGrace);
    } finally {
      try {
        registryStop.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static SchemaRegistry awaitRegistry(Future<SchemaRegistry> registryStart)
      throws IOException, InterruptedException {
    try {
      return registryStart.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("Apicurio Registry failed to start", cause);
    }
  }

  /** The broker failed: the registry must not be left running, whether it started or not. */
  private static void closeOnceStarted(Future<SchemaRegistry> registryStart, Exception brokerFailure) {
    try {
      awaitRegistry(registryStart).close();
    } catch (InterruptedException e) {
      // Interrupting the start makes it kill the registry process itself.
      registryStart.cancel(true);
      Thread.currentThread().interrupt();
      brokerFailure.addSuppressed(e);
    } catch (IOException | RuntimeException e) {
      brokerFailure.addSuppressed(e);
    }
  }
}
