package nl.wijkhub.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The parent in {@link ParentWatchdogIT}: starts {@link HealthEndpointApp} through {@link ChildProcess}, as the
 * launcher starts its children, and waits for it. Arguments: the child's port, its working folder and log file.
 */
public final class WatchedChildStarter {

  private WatchedChildStarter() {}

  public static void main(String[] args) throws Exception {
    ChildProcess child = ChildProcess.start("health endpoint",
        List.of("-Xmx64m", "-cp", System.getProperty("java.class.path"), HealthEndpointApp.class.getName()),
        Map.of("PORT", args[0]), Path.of(args[1]), Path.of(args[2]));
    child.awaitExit();
  }
}
