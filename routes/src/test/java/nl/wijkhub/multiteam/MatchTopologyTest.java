package nl.wijkhub.multiteam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Properties;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchStatus;
import nl.wijkhub.events.MatchedSignal;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.events.SignalContent;
import nl.wijkhub.privacy.Envelope;
import nl.wijkhub.privacy.PrivacyFixture;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The match rules of issue 10 on the real topology (RocksDB store with the bounded memory settings, exactly-once),
 * with real sealing: each rule gets a scenario and the exact records it must publish.
 */
class MatchTopologyTest {

  private static final String PMG = "pmg-leeuwarden-oost";
  private static final String SVN = "svn-casusoverleg";
  private static final String RECIPIENT = "pmg-multiteam";
  private static final String PERSON = "v1:persoon-a";
  private static final LocalDate DAY = LocalDate.of(2026, 1, 10);
  private static final String NOTE = "Vaak 's nachts op straat";

  @TempDir
  Path dir;

  private PrivacyFixture privacy;
  private TopologyTestDriver driver;
  private TestOutputTopic<String, Match> matches;
  private TestOutputTopic<String, Match> svnMatches;
  private TestOutputTopic<String, ProcessingRecord> log;

  @BeforeEach
  void start() {
    privacy = new PrivacyFixture(dir);
    // PMG matches within six months, SVN within one: the window is the covenant's.
    MatchTerms.Source terms = (covenant, version) -> new MatchTerms(
        covenant.equals(PMG) ? Period.ofMonths(6) : Period.ofMonths(1), "urn:test:" + covenant + ":" + version);
    var topology = MatchTopology.build(List.of(PMG, SVN), MatchSerdes.plain(), terms,
        new ContactSealer(privacy.decryption, privacy.cipher), Duration.ofHours(1));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "match-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
    props.put(BoundedRocksDb.BLOCK_CACHE_BYTES, 8L << 20);
    props.put(BoundedRocksDb.WRITE_BUFFER_BYTES, 4L << 20);
    driver = new TopologyTestDriver(topology, props, Instant.parse("2026-01-15T10:00:00Z"));
    var serde = MatchSerdes.plain();
    matches = driver.createOutputTopic(Topics.matches(PMG).name(), new StringDeserializer(),
        serde.matches().deserializer());
    svnMatches = driver.createOutputTopic(Topics.matches(SVN).name(), new StringDeserializer(),
        serde.matches().deserializer());
    log = driver.createOutputTopic(Topics.PROCESSING_LOG.name(), new StringDeserializer(),
        serde.processingLog().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aSecondSuppliersSignalAboutTheSamePersonMakesExactlyOneMatch() {
    send(PMG, signal("s1", "politie-leeuwarden-oost", DAY, RoutedSignalKind.NIEUW));
    assertThat(matches.isEmpty()).isTrue();

    send(PMG, signal("s2", "ikc-1", DAY.plusMonths(2), RoutedSignalKind.NIEUW));

    List<Match> published = matches.readValuesToList();
    assertThat(published).singleElement().satisfies(match -> {
      assertThat(match.getStatus()).isEqualTo(MatchStatus.OPEN);
      assertThat(match.getRevision()).isEqualTo(1);
      assertThat(match.getPseudonym()).isEqualTo(PERSON);
      assertThat(match.getRecipient()).isEqualTo(RECIPIENT);
      assertThat(match.getOpenUntil()).isEqualTo(DAY.plusMonths(8));
      assertThat(match.getSignals()).extracting(MatchedSignal::getSupplier)
          .containsExactly("politie-leeuwarden-oost", "ikc-1");
    });
    MatchedSignal police = published.get(0).getSignals().get(0);
    SignalContent contact = new RoutedSignalReader(privacy.decryption).contactOf(published.get(0), police)
        .orElseThrow();
    assertThat(contact.getProfessionalName()).isEqualTo("Professional van politie-leeuwarden-oost");
    assertThat(contact.getProfessionalContact()).isEqualTo("0580-100000");
    assertThat(contact.getNote()).as("never the content of the signal").isNull();
    assertThat(new String(police.getContact().array(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("0580-100000", NOTE);

    List<ProcessingRecord> logged = log.readValuesToList();
    assertThat(logged).singleElement().satisfies(record -> {
      assertThat(record.getName()).isEqualTo("gematcht");
      assertThat(record.getDataSubjectId()).isEqualTo(PERSON);
      assertThat(record.getSignalId()).isEqualTo("s2");
      assertThat(record.getProcessingActivityId()).isEqualTo("urn:test:" + PMG + ":2");
    });
  }

  @Test
  void aThirdSupplierUpdatesTheSameMatch() {
    send(PMG, signal("s1", "politie-leeuwarden-oost", DAY, RoutedSignalKind.NIEUW));
    send(PMG, signal("s2", "ikc-1", DAY.plusDays(3), RoutedSignalKind.NIEUW));
    send(PMG, signal("s3", "elkien", DAY.plusDays(9), RoutedSignalKind.NIEUW));

    List<Match> published = matches.readValuesToList();
    assertThat(published).hasSize(2);
    assertThat(published.get(1).getMatchId()).isEqualTo(published.get(0).getMatchId());
    assertThat(published.get(1).getRevision()).isEqualTo(2);
    assertThat(published.get(1).getSignals()).extracting(MatchedSignal::getSignalId).containsExactly("s1", "s2", "s3");
    assertThat(log.readValuesToList()).hasSize(2);
  }

  @Test
  void theSameSupplierTwiceMakesNoMatch() {
    send(PMG, signal("s1", "politie-leeuwarden-oost", DAY, RoutedSignalKind.NIEUW));
    send(PMG, signal("s2", "politie-leeuwarden-oost", DAY.plusDays(1), RoutedSignalKind.NIEUW));
    send(PMG, signal("s2", "politie-leeuwarden-oost", DAY.plusDays(1), RoutedSignalKind.NIEUW));

    assertThat(matches.isEmpty()).isTrue();
    assertThat(log.isEmpty()).isTrue();
  }

  @Test
  void aWithdrawnSignalLeavesItsMatchAndAMatchLeftWithOneSupplierCloses() {
    send(PMG, signal("s1", "politie-leeuwarden-oost", DAY, RoutedSignalKind.NIEUW));
    send(PMG, signal("s2", "ikc-1", DAY.plusDays(1), RoutedSignalKind.NIEUW));
    send(PMG, signal("s3", "elkien", DAY.plusDays(2), RoutedSignalKind.NIEUW));

    send(PMG, signal("s3", "elkien", DAY.plusDays(2), RoutedSignalKind.INTREKKING));
    send(PMG, signal("s2", "ikc-1", DAY.plusDays(1), RoutedSignalKind.INTREKKING));

    List<Match> published = matches.readValuesToList();
    assertThat(published).extracting(Match::getStatus, Match::getRevision)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(MatchStatus.OPEN, 1),
            org.assertj.core.groups.Tuple.tuple(MatchStatus.OPEN, 2),
            org.assertj.core.groups.Tuple.tuple(MatchStatus.OPEN, 3),
            org.assertj.core.groups.Tuple.tuple(MatchStatus.GESLOTEN, 4));
    assertThat(published).extracting(Match::getMatchId).containsOnly(published.get(0).getMatchId());
    assertThat(published.get(2).getSignals()).extracting(MatchedSignal::getSignalId).containsExactly("s1", "s2");
    assertThat(published.get(3).getSignals()).extracting(MatchedSignal::getSignalId).containsExactly("s1");

    // The remaining signal still counts: a new supplier opens a new match, not the closed one again.
    send(PMG, signal("s4", "amaryllis", DAY.plusDays(5), RoutedSignalKind.NIEUW));
    Match reopened = matches.readValue();
    assertThat(reopened.getMatchId()).isNotEqualTo(published.get(0).getMatchId());
    assertThat(reopened.getRevision()).isEqualTo(1);
    assertThat(reopened.getSignals()).extracting(MatchedSignal::getSignalId).containsExactly("s1", "s4");
  }

  @Test
  void signalsFurtherApartThanTheWindowMakeNoMatch() {
    send(PMG, signal("s1", "politie-leeuwarden-oost", DAY, RoutedSignalKind.NIEUW));
    send(PMG, signal("s2", "ikc-1", DAY.plusMonths(6).plusDays(1), RoutedSignalKind.NIEUW));

    assertThat(matches.isEmpty()).isTrue();
  }

  @Test
  void theWindowIsTheCovenants() {
    send(PMG, signal("p1", "politie-leeuwarden-oost", DAY, RoutedSignalKind.NIEUW));
    send(PMG, signal("p2", "ikc-1", DAY.plusMonths(2), RoutedSignalKind.NIEUW));
    send(SVN, signal(SVN, "v1", "politie-leidschendam", DAY, RoutedSignalKind.NIEUW));
    send(SVN, signal(SVN, "v2", "spinoza", DAY.plusMonths(2), RoutedSignalKind.NIEUW));

    assertThat(matches.readValuesToList()).hasSize(1);
    assertThat(svnMatches.isEmpty()).as("two months apart is outside SVN's one-month window").isTrue();

    send(SVN, signal(SVN, "v3", "vidomes", DAY.plusMonths(2).plusDays(20), RoutedSignalKind.NIEUW));
    assertThat(svnMatches.readValue().getSignals()).extracting(MatchedSignal::getSignalId)
        .containsExactly("v2", "v3");
  }

  @Test
  void aMatchClosesWhenTheWindowAfterItsLatestSignalHasPassed() {
    send(PMG, signal("s1", "politie-leeuwarden-oost", DAY, RoutedSignalKind.NIEUW));
    send(PMG, signal("s2", "ikc-1", DAY.plusDays(1), RoutedSignalKind.NIEUW));
    Match opened = matches.readValue();

    driver.advanceWallClockTime(Duration.ofDays(100));
    assertThat(matches.isEmpty()).as("still inside the window").isTrue();

    driver.advanceWallClockTime(Duration.ofDays(100));
    Match closed = matches.readValue();
    assertThat(closed.getMatchId()).isEqualTo(opened.getMatchId());
    assertThat(closed.getStatus()).isEqualTo(MatchStatus.GESLOTEN);

    send(PMG, signal("s3", "elkien", DAY.plusMonths(7), RoutedSignalKind.NIEUW));
    assertThat(matches.isEmpty()).as("the expired signals were forgotten").isTrue();
  }

  @Test
  void signalsAcrossAPseudonymKeyRotationStillMatch() {
    send(PMG, signal("s1", "politie-leeuwarden-oost", DAY, RoutedSignalKind.NIEUW));
    RoutedSignal afterRotation = signal("s2", "ikc-1", DAY.plusDays(4), RoutedSignalKind.NIEUW);
    afterRotation.setPseudonyms(List.of("v2:persoon-a", PERSON));
    driver.createInputTopic(Topics.multiteam(PMG).name(), new StringSerializer(),
        MatchSerdes.plain().routedSignals().serializer()).pipeInput("v2:persoon-a", afterRotation);

    assertThat(matches.readValue().getSignals()).extracting(MatchedSignal::getSignalId).containsExactly("s1", "s2");
  }

  private void send(String covenant, RoutedSignal signal) {
    TestInputTopic<String, RoutedSignal> input = driver.createInputTopic(Topics.multiteam(covenant).name(),
        new StringSerializer(), MatchSerdes.plain().routedSignals().serializer());
    input.pipeInput(signal.getPseudonyms().get(0), signal);
  }

  private RoutedSignal signal(String id, String supplier, LocalDate date, RoutedSignalKind kind) {
    return signal(PMG, id, supplier, date, kind);
  }

  private RoutedSignal signal(String covenant, String id, String supplier, LocalDate date, RoutedSignalKind kind) {
    YearMonth period = YearMonth.from(date);
    SignalContent content = SignalContent.newBuilder().setProfessionalName("Professional van " + supplier)
        .setProfessionalContact("0580-100000").setNote(NOTE).build();
    ByteBuffer sealed = kind == RoutedSignalKind.INTREKKING ? null : ByteBuffer.wrap(privacy.cipher.seal(
        new Envelope(covenant, period, RECIPIENT, id, "content"), content));
    return RoutedSignal.newBuilder().setSignalId(id).setKind(kind).setCovenantId(covenant).setCovenantVersion(2)
        .setRecipient(RECIPIENT).setSupplier(supplier).setSignalType("JONGERE_IN_BEELD").setPseudonyms(List.of(PERSON))
        .setKeyPeriod(period.toString()).setSignalDate(date).setContent(sealed)
        .setRoutedAt(date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()).build();
  }

}
