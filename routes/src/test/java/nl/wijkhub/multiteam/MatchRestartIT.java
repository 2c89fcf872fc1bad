package nl.wijkhub.multiteam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchStatus;
import nl.wijkhub.events.MatchedSignal;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.events.SignalContent;
import nl.wijkhub.privacy.Envelope;
import nl.wijkhub.privacy.RecipientCipher;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Matches on the real broker and registry, in the running hub: a second supplier's signal about one person opens
 * exactly one match; the matcher is then restarted mid-window with its local state wiped (as on a new machine), a
 * third supplier signals meanwhile, and the match is updated under the same id with nothing published twice.
 * In a full run the shared broker's topic also holds other test classes' signals, sealed under their hubs' own
 * keys: the matcher dead-letters those (MatchDeadLetters) and carries on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestInfrastructure.class)
class MatchRestartIT {

  private static final Path DATA = TestInfrastructure.tempDir("wijkhub-matches-it");
  private static final String COVENANT = "pmg-leeuwarden-oost";
  private static final String RECIPIENT = "pmg-multiteam";
  /** A person no other test signals about. */
  private static final String PSEUDONYM = "v1:it-" + UUID.randomUUID();
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    TestInfrastructure.hubProperties(DATA, TestInfrastructure.isolation()).forEach((k, v) -> registry.add(k, () -> v));
    registry.add("wijkhub.matches.enabled", () -> "true");
  }

  @Autowired
  MatchStreams matcher;

  @Autowired
  RoutedSignalReader recipient;

  @Autowired
  RecipientCipher cipher;

  @Autowired
  KafkaSettings kafka;

  @Autowired
  MatchSettings settings;

  @Test
  void aRestartMidWindowUpdatesTheOneMatchAndDuplicatesNothing() {
    await().atMost(PATIENCE).until(() -> matcher.state() == KafkaStreams.State.RUNNING);
    signal("politie-leeuwarden-oost");
    signal("ikc-1");

    await().atMost(PATIENCE).until(() -> matches(PSEUDONYM).size() == 1);
    Match opened = matches(PSEUDONYM).get(0);
    assertThat(opened.getStatus()).isEqualTo(MatchStatus.OPEN);
    assertThat(opened.getSignals()).extracting(MatchedSignal::getSupplier)
        .containsExactlyInAnyOrder("politie-leeuwarden-oost", "ikc-1");
    MatchedSignal school = opened.getSignals().stream().filter(s -> s.getSupplier().equals("ikc-1")).findFirst()
        .orElseThrow();
    assertThat(recipient.contactOf(opened, school).orElseThrow().getProfessionalName()).isEqualTo("Meester Bakker");

    matcher.stop();
    wipe(DATA.resolve("streams"));
    signal("amaryllis");
    matcher.start();

    await().atMost(PATIENCE).until(() -> matches(PSEUDONYM).size() >= 2);
    List<Match> published = matches(PSEUDONYM);
    assertThat(published).extracting(Match::getRevision).containsExactly(1, 2);
    assertThat(published).extracting(Match::getMatchId).containsOnly(opened.getMatchId());
    assertThat(published.get(1).getSignals()).extracting(MatchedSignal::getSupplier)
        .containsExactlyInAnyOrder("politie-leeuwarden-oost", "ikc-1", "amaryllis");
    assertThat(TopicReader.committed(Topics.PROCESSING_LOG.name(), ProcessingRecord.class,
        r -> r.getName().equals("gematcht") && PSEUDONYM.equals(r.getDataSubjectId()))).hasSize(2);
  }

  @Test
  void aDeletedMatchStateIsCompactedOutOfTheChangelogWithinADay() throws Exception {
    await().atMost(PATIENCE).until(() -> matcher.state() == KafkaStreams.State.RUNNING);
    String changelog = settings.applicationId() + "-" + MatchProcessor.STORE + "-changelog";
    ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, changelog);

    try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        kafka.bootstrapServers()))) {
      Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);

      assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
      assertThat(config.get(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG).value())
          .isEqualTo(Long.toString(Duration.ofDays(1).toMillis()));
    }
  }

  private List<Match> matches(String pseudonym) {
    return TopicReader.committed(Topics.matches(COVENANT).name(), Match.class,
        m -> m.getPseudonym().equals(pseudonym)).stream().map(ConsumerRecord::value).toList();
  }

  /**
   * Publishes a routed signal about the person from {@code supplier}, as the signal router does (the API's signal
   * path is the signals branch's; the matcher starts at the routed topic).
   */
  private void signal(String supplier) {
    String signalId = UUID.randomUUID().toString();
    LocalDate date = LocalDate.now().minusDays(1);
    YearMonth period = YearMonth.from(date);
    SignalContent content = SignalContent.newBuilder()
        .setProfessionalName(supplier.equals("ikc-1") ? "Meester Bakker" : "Collega van " + supplier)
        .setProfessionalContact("058-2000000").setNote("Zorgen over thuis").build();
    RoutedSignal routed = RoutedSignal.newBuilder().setSignalId(signalId).setKind(RoutedSignalKind.NIEUW)
        .setCovenantId(COVENANT).setCovenantVersion(2).setRecipient(RECIPIENT).setSupplier(supplier)
        .setSignalType("JONGERE_IN_BEELD").setPseudonyms(List.of(PSEUDONYM)).setKeyPeriod(period.toString())
        .setSignalDate(date)
        .setContent(ByteBuffer.wrap(cipher.seal(new Envelope(COVENANT, period, RECIPIENT, signalId, "content"),
            content)))
        .setRoutedAt(Instant.now()).build();
    Map<String, Object> props = kafka.producerProperties();
    props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(props)) {
      producer.send(new ProducerRecord<>(Topics.multiteam(COVENANT).name(), PSEUDONYM, routed)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
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
