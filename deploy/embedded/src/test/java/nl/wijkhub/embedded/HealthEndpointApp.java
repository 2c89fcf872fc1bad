package nl.wijkhub.embedded;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A stand-in for the hub's fat jar in {@link HubProcessIT}: serves 200 on /health at the port in $PORT and says
 * so when it shuts down gracefully. A single class without nested classes, so its jar needs one entry.
 */
public final class HealthEndpointApp {

  static final String GRACEFUL_SHUTDOWN_MARKER = "graceful shutdown";

  private HealthEndpointApp() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv("PORT"));
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(FreePorts.LOOPBACK), port);
    HttpServer server = HttpServer.create(address, 0);
    server.createContext("/health", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(GRACEFUL_SHUTDOWN_MARKER)));
  }
}
