package nl.wijkhub.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Free TCP ports on 127.0.0.1, the only address the embedded runtime listens on. */
public final class FreePorts {

  /** Every child process binds here, never on a wildcard address. */
  public static final String LOOPBACK = "127.0.0.1";

  private FreePorts() {}

  /** Ports this JVM handed out: the kernel may offer a just-closed port again, e.g. a broker's and its controller's. */
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  /**
   * A port that was free a moment ago and that this JVM has not handed out before. The socket is closed before the
   * child process binds it, so another process could take it in between; on a developer machine that race is rare
   * enough to accept.
   */
  public static synchronized int pick() {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
        socket.setReuseAddress(true);
        if (HANDED_OUT.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("No free port on 127.0.0.1", e);
      }
    }
  }

  /** {@code port} itself, or a free port when it is 0 (the convention for "any port"). */
  public static int orPick(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("Not a TCP port: " + port);
    }
    return port == 0 ? pick() : port;
  }
}
