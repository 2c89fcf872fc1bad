package nl.wijkhub.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The HTTP readiness check shared by the registry and the hub. */
final class HttpProbe {

  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private HttpProbe() {}

  static HttpClient client() {
    return CLIENT;
  }

  /** Whether a GET of {@code uri} answers 200; a refused connection just means "not yet". */
  static boolean answersOk(URI uri) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }
}
