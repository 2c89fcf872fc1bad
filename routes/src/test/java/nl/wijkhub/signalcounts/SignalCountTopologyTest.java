package nl.wijkhub.signalcounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import nl.wijkhub.covenant.CovenantLoader;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.multiteam.BoundedRocksDb;
import nl.wijkhub.multiteam.MatchSerdes;
import nl.wijkhub.multiteam.MatchSettings;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.reference.ReferenceDataLoader;
import nl.wijkhub.support.SettableClock;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.unit.DataSize;

/**
 * The counting rules on the real topology (RocksDB stores with the hub's memory budget, exactly-once): a new signal
 * counts once whatever number of recipient copies and redeliveries, a withdrawal takes it out, a correction moves
 * it, the month is the signal date's, and neither the repartition topic nor the state holds a pseudonym. The entry
 * per signal goes when the covenant's retention (config/covenants) for its month ends, by the hub's clock.
 */
class SignalCountTopologyTest {

  private static final String PMG = "pmg-leeuwarden-oost";
  private static final String SVN = "svn-casusoverleg";
  private static final String COUNTING = "pmg-multiteam";
  private static final String PSEUDONYM = "v1:geheim-pseudoniem";
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  /** PMG keeps signals 18 months: those of March 2026 until 30 September 2027, Dutch time. */
  private static final Instant MARCH_ENDS = Instant.parse("2027-09-30T22:00:00Z");
  private static final Duration RETENTION_INTERVAL = Duration.ofHours(1);

  @TempDir
  Path dir;

  private final SettableClock clock = new SettableClock(T0);
  private TopologyTestDriver driver;
  private TestInputTopic<String, RoutedSignal> pmg;
  private TestInputTopic<String, RoutedSignal> svn;

  @BeforeEach
  void start() {
    Serde<RoutedSignal> serde = MatchSerdes.plain().routedSignals();
    var covenants = new CovenantLoader(new PathMatchingResourcePatternResolver()).load("file:../config/",
        new ReferenceDataLoader(new PathMatchingResourcePatternResolver()).load("file:../config/"));
    var topology = SignalCountTopology.build(List.of(PMG, SVN), serde,
        signal -> signal.getRecipient().equals(COUNTING) || signal.getRecipient().equals("svn-multiteam"),
        CellRetention.of(covenants), clock, RETENTION_INTERVAL);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "signal-count-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
    BoundedRocksDb.budget(props, new MatchSettings(true, "m", Path.of("streams"), 1, java.time.Duration.ofSeconds(1),
        java.time.Duration.ofHours(1), DataSize.ofMegabytes(1), DataSize.ofMegabytes(8), DataSize.ofMegabytes(4)));
    driver = new TopologyTestDriver(topology, props, T0);
    pmg = driver.createInputTopic(Topics.multiteam(PMG).name(), new StringSerializer(), serde.serializer());
    svn = driver.createInputTopic(Topics.multiteam(SVN).name(), new StringSerializer(), serde.serializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aNewSignalCountsOnceWhateverTheCopiesAndRedeliveries() {
    pmg.pipeInput(PSEUDONYM, signal("s1", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 1), 0));
    pmg.pipeInput(PSEUDONYM, signal("s1", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 1), 0));
    pmg.pipeInput(PSEUDONYM, copyFor("another-recipient",
        signal("s1", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 1), 0)));
    pmg.pipeInput(PSEUDONYM, signal("s2", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 20), 1));

    assertThat(counts()).containsExactly(Map.entry(PMG + "|2026-03|JONGERE_IN_BEELD|bilgaard", 2L));
  }

  @Test
  void aWithdrawalTakesTheSignalOutForGood() {
    pmg.pipeInput(PSEUDONYM, signal("s1", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 1), 0));
    pmg.pipeInput(PSEUDONYM, signal("s2", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 2), 1));
    pmg.pipeInput(PSEUDONYM, signal("s1", RoutedSignalKind.INTREKKING, "bilgaard", LocalDate.of(2026, 3, 1), 2));
    assertThat(counts()).containsExactly(Map.entry(PMG + "|2026-03|JONGERE_IN_BEELD|bilgaard", 1L));

    pmg.pipeInput(PSEUDONYM, signal("s2", RoutedSignalKind.INTREKKING, "bilgaard", LocalDate.of(2026, 3, 2), 3));
    // Read again after its withdrawal, the new signal does not come back.
    pmg.pipeInput(PSEUDONYM, signal("s2", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 2), 1));
    assertThat(counts()).as("a cell without signals is gone, not zero").isEmpty();
  }

  @Test
  void aCorrectionMovesTheSignalToItsNewWijkTypeAndMonth() {
    pmg.pipeInput(PSEUDONYM, signal("s1", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 1), 0));
    pmg.pipeInput(PSEUDONYM, signal("s2", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 5), 1));
    // A corrected BSN is another pseudonym, so the correction arrives under another key.
    pmg.pipeInput("v1:ander-pseudoniem",
        signal("s1", RoutedSignalKind.CORRECTIE, "vrijheidswijk", LocalDate.of(2026, 3, 1), 2));
    assertThat(counts()).containsExactly(
        Map.entry(PMG + "|2026-03|JONGERE_IN_BEELD|bilgaard", 1L),
        Map.entry(PMG + "|2026-03|JONGERE_IN_BEELD|vrijheidswijk", 1L));

    RoutedSignal retyped = signal("s1", RoutedSignalKind.CORRECTIE, "vrijheidswijk", LocalDate.of(2026, 2, 27), 3);
    retyped.setSignalType("SCHOOLVERZUIM");
    pmg.pipeInput(PSEUDONYM, retyped);
    assertThat(counts()).containsExactly(
        Map.entry(PMG + "|2026-02|SCHOOLVERZUIM|vrijheidswijk", 1L),
        Map.entry(PMG + "|2026-03|JONGERE_IN_BEELD|bilgaard", 1L));
  }

  @Test
  void aNewSignalReadAfterItsCorrectionDoesNotUndoIt() {
    pmg.pipeInput("v1:ander-pseudoniem",
        signal("s1", RoutedSignalKind.CORRECTIE, "vrijheidswijk", LocalDate.of(2026, 3, 1), 2));
    pmg.pipeInput(PSEUDONYM, signal("s1", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 1), 0));

    assertThat(counts()).containsExactly(Map.entry(PMG + "|2026-03|JONGERE_IN_BEELD|vrijheidswijk", 1L));
  }

  @Test
  void theMonthIsTheSignalDatesAcrossMonthAndYearBoundaries() {
    pmg.pipeInput(PSEUDONYM, signal("a", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2025, 12, 31), 0));
    pmg.pipeInput(PSEUDONYM, signal("b", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 1, 1), 1));
    pmg.pipeInput(PSEUDONYM, signal("c", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 1, 31), 2));
    pmg.pipeInput(PSEUDONYM, signal("d", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 2, 1), 3));
    // Without the date (the covenant does not pass it on) the key period is the same month; without the wijk, ''.
    RoutedSignal undated = signal("e", RoutedSignalKind.NIEUW, null, null, 4);
    undated.setKeyPeriod("2026-02");
    pmg.pipeInput(PSEUDONYM, undated);
    svn.pipeInput(PSEUDONYM, signal(SVN, "svn-multiteam", "a", RoutedSignalKind.NIEUW, "prinsenhof",
        LocalDate.of(2026, 2, 1), 0));

    assertThat(counts()).containsExactly(
        Map.entry(PMG + "|2025-12|JONGERE_IN_BEELD|bilgaard", 1L),
        Map.entry(PMG + "|2026-01|JONGERE_IN_BEELD|bilgaard", 2L),
        Map.entry(PMG + "|2026-02|JONGERE_IN_BEELD|", 1L),
        Map.entry(PMG + "|2026-02|JONGERE_IN_BEELD|bilgaard", 1L),
        Map.entry(SVN + "|2026-02|JONGERE_IN_BEELD|prinsenhof", 1L));
  }

  @Test
  void neitherTheRepartitionTopicNorTheStateHoldsAPseudonymOrCiphertext() {
    pmg.pipeInput(PSEUDONYM, signal("s1", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 1), 0));

    String repartition = "signal-count-test-by-covenant-repartition";
    assertThat(driver.producedTopicNames()).contains(repartition);
    var passed = driver.createOutputTopic(repartition, new StringDeserializer(), new StringDeserializer())
        .readKeyValuesToList();
    assertThat(passed).singleElement().satisfies(record -> {
      assertThat(record.key).isEqualTo(PMG);
      assertThat(record.value).isEqualTo("s1|NIEUW|" + T0.toEpochMilli() + "|" + PMG
          + "|2026-03|JONGERE_IN_BEELD|bilgaard");
    });
    KeyValueStore<String, String> signals = driver.getKeyValueStore(SignalCountProcessor.SIGNALS);
    List<String> held = new ArrayList<>();
    try (var it = signals.all()) {
      it.forEachRemaining(kv -> held.add(kv.key + "=" + kv.value));
    }
    assertThat(held)
        .containsExactly(PMG + "|s1=" + T0.toEpochMilli() + "|" + PMG + "|2026-03|JONGERE_IN_BEELD|bilgaard");
  }

  @Test
  void aSignalsEntryGoesWhenItsMonthsRetentionEndsAndItsCountStays() {
    pmg.pipeInput(PSEUDONYM, signal("s1", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 31), 0));
    pmg.pipeInput(PSEUDONYM, signal("s2", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 2), 1));
    pmg.pipeInput(PSEUDONYM, signal("s2", RoutedSignalKind.INTREKKING, "bilgaard", LocalDate.of(2026, 3, 2), 2));
    pmg.pipeInput(PSEUDONYM, signal("s3", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 4, 1), 3));

    clock.set(MARCH_ENDS.minusSeconds(1));
    driver.advanceWallClockTime(RETENTION_INTERVAL);
    assertThat(held()).as("kept until the retention ends").containsOnlyKeys(PMG + "|s1", PMG + "|s2", PMG + "|s3");

    clock.set(MARCH_ENDS);
    driver.advanceWallClockTime(RETENTION_INTERVAL);
    assertThat(held()).as("March's withdrawn signal goes too; April's stays").containsOnlyKeys(PMG + "|s3");
    assertThat(counts()).containsExactly(
        Map.entry(PMG + "|2026-03|JONGERE_IN_BEELD|bilgaard", 1L),
        Map.entry(PMG + "|2026-04|JONGERE_IN_BEELD|bilgaard", 1L));
    var changelog = driver.createOutputTopic("signal-count-test-signal-cells-changelog", new StringDeserializer(),
        new StringDeserializer()).readKeyValuesToMap();
    assertThat(changelog).as("a tombstone for each entry that went").containsEntry(PMG + "|s1", null)
        .containsEntry(PMG + "|s2", null).doesNotContainEntry(PMG + "|s3", null);
  }

  @Test
  void anEventOfAMonthWhoseRetentionEndedChangesNothingAndLeavesNoEntry() {
    pmg.pipeInput(PSEUDONYM, signal("s1", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 1), 0));
    clock.set(MARCH_ENDS);
    driver.advanceWallClockTime(RETENTION_INTERVAL);

    // Read again once its entry is gone, the signal must not count twice, nor move or leave the count.
    pmg.pipeInput(PSEUDONYM, signal("s1", RoutedSignalKind.NIEUW, "bilgaard", LocalDate.of(2026, 3, 1), 0));
    pmg.pipeInput(PSEUDONYM, signal("s1", RoutedSignalKind.CORRECTIE, "vrijheidswijk", LocalDate.of(2026, 3, 1), 5));
    pmg.pipeInput(PSEUDONYM, signal("s1", RoutedSignalKind.INTREKKING, "bilgaard", LocalDate.of(2026, 3, 1), 6));

    assertThat(held()).isEmpty();
    assertThat(counts()).containsExactly(Map.entry(PMG + "|2026-03|JONGERE_IN_BEELD|bilgaard", 1L));
  }

  private Map<String, String> held() {
    KeyValueStore<String, String> store = driver.getKeyValueStore(SignalCountProcessor.SIGNALS);
    Map<String, String> all = new TreeMap<>();
    try (var it = store.all()) {
      it.forEachRemaining(kv -> all.put(kv.key, kv.value));
    }
    return all;
  }

  private Map<String, Long> counts() {
    KeyValueStore<String, Long> store = driver.getKeyValueStore(SignalCountProcessor.COUNTS);
    Map<String, Long> all = new TreeMap<>();
    try (var it = store.all()) {
      it.forEachRemaining(kv -> all.put(kv.key, kv.value));
    }
    return all;
  }

  private static RoutedSignal signal(String id, RoutedSignalKind kind, String wijk, LocalDate date, int minutes) {
    return signal(PMG, COUNTING, id, kind, wijk, date, minutes);
  }

  private static RoutedSignal signal(String covenant, String recipient, String id, RoutedSignalKind kind,
      String wijk, LocalDate date, int minutes) {
    return RoutedSignal.newBuilder()
        .setSignalId(id).setKind(kind).setCovenantId(covenant).setCovenantVersion(2).setRecipient(recipient)
        .setSupplier("politie-leeuwarden-oost").setSignalType("JONGERE_IN_BEELD").setPseudonyms(List.of(PSEUDONYM))
        .setKeyPeriod(date == null ? "2026-01" : date.toString().substring(0, 7)).setWijk(wijk).setSignalDate(date)
        .setUrgency("NORMAAL")
        .setIdentity(ByteBuffer.wrap("VERSLEUTELD".getBytes(StandardCharsets.US_ASCII)))
        .setContent(kind == RoutedSignalKind.INTREKKING ? null
            : ByteBuffer.wrap("VERSLEUTELD".getBytes(StandardCharsets.US_ASCII)))
        .setRoutedAt(T0.plusSeconds(60L * minutes)).build();
  }

  private static RoutedSignal copyFor(String recipient, RoutedSignal signal) {
    return RoutedSignal.newBuilder(signal).setRecipient(recipient).build();
  }
}
