package nl.wijkhub.embedded;

import java.time.Duration;

/**
 * A Java agent that ends its JVM once the process that started it is gone, so that the broker, the registry and
 * the hub never outlive {@code ./wijkhub start} or a test JVM, even when those are killed with SIGKILL and no
 * shutdown hook runs. Linux has no portable "die with the parent" for a JVM, so each child watches for itself.
 *
 * <p>An agent rather than a wrapper main: the same {@code -javaagent} flag works for Kafka's, Apicurio's and the
 * hub's own main class, and the hub needs no code for it. {@link WatchdogAgentJar} packs this class alone into the
 * agent jar, so it must use nothing but the JDK.
 */
public final class ParentWatchdog {

  private static final Duration CHECK_INTERVAL = Duration.ofMillis(500);

  /** After this, a JVM whose shutdown hooks have not finished is halted. */
  private static final Duration EXIT_GRACE = Duration.ofSeconds(10);

  private ParentWatchdog() {}

  /** Called by the JVM before the child's main method. */
  public static void premain(String arguments) {
    ProcessHandle.current().parent().ifPresent(parent -> {
      Thread watchdog = new Thread(() -> watch(parent.pid()), "wijkhub-parent-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
    });
  }

  /**
   * An orphan is adopted by init or a subreaper, so a changed parent pid means the starter is gone; comparing the
   * parent, rather than asking whether that pid is alive, cannot be fooled by the pid being reused.
   */
  private static void watch(long parentPid) {
    try {
      while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid) {
        Thread.sleep(CHECK_INTERVAL.toMillis());
      }
    } catch (InterruptedException e) {
      return;
    }
    System.err.println("wijkhub: the process that started this one (pid " + parentPid + ") is gone; stopping");
    Thread halt = new Thread(() -> {
      try {
        Thread.sleep(EXIT_GRACE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Runtime.getRuntime().halt(1);
    }, "wijkhub-parent-watchdog-halt");
    halt.setDaemon(true);
    halt.start();
    System.exit(1);
  }
}
