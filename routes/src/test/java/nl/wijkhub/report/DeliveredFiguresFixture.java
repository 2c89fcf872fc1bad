package nl.wijkhub.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import nl.wijkhub.dashboard.FigureSource;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.TestInfrastructure;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The set-up of the ITs that read a partner's delivered figures back as programme staff: a hub on the shared stack
 * with a data directory of the IT's own, a delivery through the API waited for until the store holds its figures,
 * and a GET as a demo user that accepts one media type. Each IT delivers a year no other test delivers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeliveredFiguresFixture {

  static final String PROGRAMME = "leeuwarden-oost";
  static final String INDICATOR = "taalmaatjes-gekoppeld";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  FigureSource figures;

  /** The hub's properties with {@code data} as its data directory, for the IT's {@code @DynamicPropertySource}. */
  static void hubProperties(DynamicPropertyRegistry registry, Path data) {
    TestInfrastructure.hubProperties(data, TestInfrastructure.isolation()).forEach((k, v) -> registry.add(k, () -> v));
  }

  /** Delivers {@code csv} through the API with the partner's key {@code apiKey}; asserts it was taken in. */
  HttpResponse<String> deliver(String apiKey, String csv) {
    HttpResponse<String> delivered = new ApiClient(port, apiKey).postCsv("/api/v1/submissions", csv);
    assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(202);
    return delivered;
  }

  /** Waits until the store holds {@code count} figures of the programme for {@code year} of these indicators. */
  void awaitFigures(String year, long count, String... indicators) {
    Set<String> wanted = Set.of(indicators);
    await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() -> figures.figures(PROGRAMME).stream()
        .filter(f -> f.period().equals(year) && wanted.contains(f.indicator())).count() == count);
  }

  /** A GET as the demo user {@code user} (HTTP Basic, the name as password) that accepts {@code accept}. */
  HttpResponse<byte[]> get(String pathAndQuery, String accept, String user) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .header("Accept", accept)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + user).getBytes(StandardCharsets.UTF_8))).GET().build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
