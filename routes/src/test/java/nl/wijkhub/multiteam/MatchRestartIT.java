package nl.wijkhub.multiteam;

import static nl.wijkhub.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchStatus;
import nl.wijkhub.events.MatchedSignal;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Matches on the real broker and registry, through the hub's API: a second supplier's signal about one person opens
 * exactly one match; the matcher is then restarted mid-window with its local state wiped (as on a new machine), a
 * third supplier signals meanwhile, and the match is updated under the same id with nothing published twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
class MatchRestartIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-matches-it");
  private static final String COVENANT = "pmg-leeuwarden-oost";
  private static final String BSN = "234567892";
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    TestInfrastructure.hubProperties(DATA, TestInfrastructure.isolation()).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort
  int port;

  @Autowired
  MatchStreams matcher;

  @Autowired
  RoutedSignalReader recipient;

  @Test
  void aRestartMidWindowUpdatesTheOneMatchAndDuplicatesNothing() {
    await().atMost(PATIENCE).until(() -> matcher.state() == KafkaStreams.State.RUNNING);
    signal("politie-leeuwarden-oost");
    String pseudonym = pseudonymOf(signal("ikc-1"));

    await().atMost(PATIENCE).until(() -> matches(pseudonym).size() == 1);
    Match opened = matches(pseudonym).get(0);
    assertThat(opened.getStatus()).isEqualTo(MatchStatus.OPEN);
    assertThat(opened.getSignals()).extracting(MatchedSignal::getSupplier)
        .containsExactly("politie-leeuwarden-oost", "ikc-1");
    assertThat(recipient.contactOf(opened, opened.getSignals().get(1)).orElseThrow().getProfessionalName())
        .isEqualTo("Meester Bakker");

    matcher.stop();
    wipe(DATA.resolve("streams"));
    signal("amaryllis");
    matcher.start();

    await().atMost(PATIENCE).until(() -> matches(pseudonym).size() >= 2);
    List<Match> published = matches(pseudonym);
    assertThat(published).extracting(Match::getRevision).containsExactly(1, 2);
    assertThat(published).extracting(Match::getMatchId).containsOnly(opened.getMatchId());
    assertThat(published.get(1).getSignals()).extracting(MatchedSignal::getSupplier)
        .containsExactly("politie-leeuwarden-oost", "ikc-1", "amaryllis");
    assertThat(TopicReader.committed(Topics.PROCESSING_LOG.name(), ProcessingRecord.class,
        r -> r.getName().equals("gematcht") && pseudonym.equals(r.getDataSubjectId()))).hasSize(2);
  }

  private List<Match> matches(String pseudonym) {
    return TopicReader.committed(Topics.matches(COVENANT).name(), Match.class,
        m -> m.getPseudonym().equals(pseudonym)).stream().map(ConsumerRecord::value).toList();
  }

  private String pseudonymOf(String signalId) {
    List<ConsumerRecord<String, RoutedSignal>> routed = TopicReader.committed(Topics.multiteam(COVENANT).name(),
        RoutedSignal.class, s -> s.getSignalId().equals(signalId));
    List<String> pseudonyms = routed.get(0).value().getPseudonyms();
    return pseudonyms.get(pseudonyms.size() - 1);
  }

  /** Delivers a signal about the same person as {@code supplier}; returns its signal id. */
  private String signal(String supplier) {
    String body = "[{\"soort\": \"jongere-in-beeld\", \"bsn\": \"" + BSN + "\", \"naam\": \"Piet Post\","
        + " \"geboortedatum\": \"2011-02-03\", \"wijk\": \"Bilgaard\", \"datum\": \"" + LocalDate.now().minusDays(1)
        + "\", \"professional\": \"" + (supplier.equals("ikc-1") ? "Meester Bakker" : "Collega van " + supplier)
        + "\", \"contact\": \"058-2000000\", \"toelichting\": \"Zorgen over thuis\"}]";
    HttpResponse<String> response = new ApiClient(port, "demo-" + supplier).post("/api/v1/signals",
        "application/json", body.getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return json(response).get("references").get(0).get("id").asString();
  }

  private static void wipe(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
