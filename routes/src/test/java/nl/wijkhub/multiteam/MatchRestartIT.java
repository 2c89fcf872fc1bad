package nl.wijkhub.multiteam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
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
import java.util.HashMap;
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
import nl.wijkhub.support.MailDriver;
import nl.wijkhub.support.TestInfrastructure;
import nl.wijkhub.support.TopicReader;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
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
 * The professionals are told by e-mail through a real SMTP server (GreenMail): each of the first two gets one mail
 * naming the other, the third one mail naming both, the first two one more naming only the third; nothing about the
 * person is in any of them, each is a {@code genotificeerd} step in the processing log, and replaying every match
 * revision after a restart of the notifications tells nobody twice.
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

  private static final String ISOLATION = TestInfrastructure.isolation();
  private static final String NOTIFICATION_GROUP = ISOLATION + "-match-notifications";
  private static final String NOTIFICATION_ROUTE = "match-notifications";
  private static final String SUBJECT = "ook een andere organisatie heeft een signaal gegeven";
  private static final MailDriver MAIL = new MailDriver();

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) {
    TestInfrastructure.hubProperties(DATA, ISOLATION).forEach((k, v) -> registry.add(k, () -> v));
    MAIL.hubProperties().forEach((k, v) -> registry.add(k, () -> v));
    registry.add("wijkhub.matches.enabled", () -> "true");
    registry.add("wijkhub.match-notifications.enabled", () -> "true");
    registry.add("wijkhub.match-notifications.group-id", () -> NOTIFICATION_GROUP);
    registry.add("wijkhub.reference-data", MatchRestartIT::covenantThatTellsProfessionals);
  }

  /** The shipped configuration, with the PmG covenant's parties agreeing that professionals are told. */
  private static String covenantThatTellsProfessionals() {
    Path config = DATA.resolve("config");
    try (Stream<Path> files = Files.walk(Path.of("../config"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = config.resolve(Path.of("../config").relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      Path pmg = config.resolve("covenants").resolve(COVENANT + ".yaml");
      Files.writeString(pmg, Files.readString(pmg).replace("notifyProfessionals: false", "notifyProfessionals: true"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return config.toUri().toString();
  }

  @AfterAll
  static void stopMailServer() {
    MAIL.close();
  }

  @Autowired
  CamelContext camel;

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
  void aRestartMidWindowUpdatesTheOneMatchAndDuplicatesNothing() throws Exception {
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
    String police = address("politie-leeuwarden-oost");
    String teacher = address("ikc-1");
    await().atMost(PATIENCE).until(() -> mailsTo(police).size() == 1 && mailsTo(teacher).size() == 1);
    assertThat(body(mailsTo(police).get(0))).startsWith("Beste Collega van politie-leeuwarden-oost,")
        .contains("- Meester Bakker, Plus-IKC 1: " + teacher, "Kenmerk van de match: " + opened.getMatchId())
        .satisfies(MatchRestartIT::nothingAboutThePerson);
    assertThat(body(mailsTo(teacher).get(0)))
        .contains("- Collega van politie-leeuwarden-oost, Politie basisteam Leeuwarden (wijkagenten): " + police)
        .doesNotContain("Meester Bakker, ").satisfies(MatchRestartIT::nothingAboutThePerson);

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

    String welfare = address("amaryllis");
    await().atMost(PATIENCE).until(() -> mailsTo(welfare).size() == 1 && mailsTo(police).size() == 2
        && mailsTo(teacher).size() == 2);
    assertThat(body(mailsTo(welfare).get(0))).contains("- Collega van politie-leeuwarden-oost", police,
        "- Meester Bakker, Plus-IKC 1: " + teacher).satisfies(MatchRestartIT::nothingAboutThePerson);
    for (String toldBefore : List.of(police, teacher)) {
      assertThat(body(mailsTo(toldBefore).get(1))).as("only the newcomer, to who was told before")
          .contains("- Collega van amaryllis, Amaryllis (sociale wijkteams): " + welfare)
          .doesNotContain("Meester Bakker, ", "- Collega van politie-leeuwarden-oost")
          .satisfies(MatchRestartIT::nothingAboutThePerson);
    }
    assertThat(notified()).as("each mail a logged step, under the told professional's organisation")
        .extracting(ProcessingRecord::getOrganisation).containsExactlyInAnyOrder("politie-leeuwarden-oost",
            "politie-leeuwarden-oost", "ikc-1", "ikc-1", "amaryllis");

    replayEveryMatchRevision();
    assertThat(List.of(mailsTo(police).size(), mailsTo(teacher).size(), mailsTo(welfare).size()))
        .as("a restart that reads every revision again tells nobody twice").containsExactly(2, 2, 1);
    assertThat(notified()).hasSize(5);
  }

  /**
   * Restarts the notifications with their consumer group set back to the start of the match topic, as after lost
   * offsets, and waits until they have read every revision again.
   */
  private void replayEveryMatchRevision() throws Exception {
    String topic = Topics.matches(COVENANT).name();
    // The person's revisions share one partition; once the group has read past the last, it has read them all.
    ConsumerRecord<String, Match> last = TopicReader.committed(topic, Match.class,
        m -> m.getPseudonym().equals(PSEUDONYM)).stream().max(Comparator.comparingLong(ConsumerRecord::offset))
        .orElseThrow();
    TopicPartition partition = new TopicPartition(topic, last.partition());
    camel.getRouteController().stopRoute(NOTIFICATION_ROUTE);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
      TopicReader.endOffsets(topic).keySet().forEach(p -> start.put(p, new OffsetAndMetadata(0)));
      admin.alterConsumerGroupOffsets(NOTIFICATION_GROUP, start).all().get();
      camel.getRouteController().startRoute(NOTIFICATION_ROUTE);
      await().atMost(PATIENCE).until(() -> {
        OffsetAndMetadata read = admin.listConsumerGroupOffsets(NOTIFICATION_GROUP).partitionsToOffsetAndMetadata()
            .get().get(partition);
        return read != null && read.offset() > last.offset();
      });
    }
  }

  private List<ProcessingRecord> notified() {
    return TopicReader.committed(Topics.PROCESSING_LOG.name(), ProcessingRecord.class,
        r -> r.getName().equals("genotificeerd") && PSEUDONYM.equals(r.getDataSubjectId())).stream()
        .map(ConsumerRecord::value).toList();
  }

  private static List<MimeMessage> mailsTo(String address) {
    return MAIL.repliesTo(address, SUBJECT);
  }

  private static String body(MimeMessage mail) throws Exception {
    return String.valueOf(mail.getContent());
  }

  /** The signal's note, its type, the person's pseudonym: none of it may reach a professional's mailbox. */
  private static void nothingAboutThePerson(String body) {
    assertThat(body).doesNotContain("Zorgen over thuis", "JONGERE_IN_BEELD", "Jongere", PSEUDONYM);
  }

  /** Each supplier's professional gives an e-mail address as contact, so that each can be told. */
  private static String address(String supplier) {
    return "professional@" + supplier + ".example";
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
        .setProfessionalContact(address(supplier)).setNote("Zorgen over thuis").build();
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
