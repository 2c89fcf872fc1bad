package nl.wijkhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nl.wijkhub.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Behind a TLS-terminating reverse proxy (HUB_FORWARD_HEADERS=native): X-Forwarded-Proto is believed from the
 * trusted proxy's address only. The proxy here is 127.0.0.2 (all of 127/8 is loopback on Linux), so that one hub
 * sees a request from the proxy and one from another address (127.0.0.1) that claims https just the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
class ForwardedHeadersIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-forwarded-it");

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    TestInfrastructure.hubProperties(DATA, TestInfrastructure.isolation()).forEach((k, v) -> registry.add(k, () -> v));
    registry.add("server.forward-headers-strategy", () -> "native");
    registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.2");
  }

  @LocalServerPort
  int port;

  @Test
  void theForwardedSchemeCountsFromTheTrustedProxyOnly() {
    String fromProxy = loginPageAsHttpsFrom("127.0.0.2");
    String fromElsewhere = loginPageAsHttpsFrom("127.0.0.1");

    assertThat(fromProxy).startsWith("HTTP/1.1 200").containsIgnoringCase("Strict-Transport-Security:");
    assertThat(fromElsewhere).as("X-Forwarded-Proto from an address that is not the proxy")
        .startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("Strict-Transport-Security:");
  }

  /** GET /login claiming https, sent from the given local address (java.net.http cannot choose one on Java 17). */
  private String loginPageAsHttpsFrom(String address) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(("GET /login HTTP/1.1\r\nHost: wijkhub.example\r\n"
          + "X-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.7\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
