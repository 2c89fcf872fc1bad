package nl.wijkhub.multiteam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apicurio.registry.rest.client.exception.ContentNotFoundException;
import io.apicurio.registry.rest.client.exception.RestClientException;
import io.apicurio.registry.rest.v2.beans.Error;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchedSignal;
import nl.wijkhub.events.RoutedSignal;
import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.events.SignalContent;
import nl.wijkhub.privacy.Envelope;
import nl.wijkhub.privacy.PrivacyFixture;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher never stops on one record that can never be matched: bytes that are no routed signal, a signal
 * sealed under another hub's keys or one that breaks its contract each become a dead letter that names only where
 * the record is and why, and the next signals still match. A signal under a covenant version the hub does not hold
 * (yet) stops the matcher instead. A transient failure
 * (a state store, the broker or the registry not answering) is never dead-lettered: it fails the stream thread,
 * which is replaced and processes the record again. A dead letter that cannot be written fails it too.
 */
class MatchDeadLettersTest {

  private static final String PMG = "pmg-leeuwarden-oost";
  private static final String RECIPIENT = "pmg-multiteam";
  private static final String PERSON = "v1:persoon-dl";
  private static final LocalDate DAY = LocalDate.of(2026, 1, 10);

  @TempDir
  Path dir;

  private final List<DeadLetter> letters = new ArrayList<>();
  private boolean sinkBroken;
  /** What the covenant look-up throws while set: the stand-in for a store or service the matcher depends on. */
  private RuntimeException termsFailure;
  private PrivacyFixture ours;
  private PrivacyFixture otherHub;
  private TopologyTestDriver driver;
  private TestOutputTopic<String, Match> matches;

  @BeforeEach
  void start() {
    ours = new PrivacyFixture(dir.resolve("ours"));
    otherHub = new PrivacyFixture(dir.resolve("other"));
    MatchTerms.Source terms = (covenant, version) -> {
      if (termsFailure != null) {
        throw termsFailure;
      }
      if (version > 2) {
        throw new MatchTerms.UnknownVersion("no version " + version);
      }
      return new MatchTerms(Period.ofMonths(6), "urn:test:" + covenant);
    };
    var topology = MatchTopology.build(List.of(PMG), MatchSerdes.plain(), terms,
        new ContactSealer(ours.decryption, ours.cipher), Duration.ofHours(1));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dead-letter-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
    MatchConfiguration.withDeadLetters(props, letter -> {
      if (sinkBroken) {
        throw new IllegalStateException("broker gone");
      }
      letters.add(letter);
    });
    driver = new TopologyTestDriver(topology, props, Instant.parse("2026-01-15T10:00:00Z"));
    matches = driver.createOutputTopic(Topics.matches(PMG).name(), new StringDeserializer(),
        MatchSerdes.plain().matches().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void unreadableBytesAreDeadLetteredAndTheNextSignalsStillMatch() {
    driver.createInputTopic(Topics.multiteam(PMG).name(), new StringSerializer(), new ByteArraySerializer())
        .pipeInput(PERSON, "geen avro".getBytes(StandardCharsets.UTF_8));
    send(signal(ours, "s1", "politie-leeuwarden-oost"));
    send(signal(ours, "s2", "ikc-1"));

    assertThat(letters).containsExactly(new DeadLetter(Topics.multiteam(PMG).name(), 0, 0,
        DeadLetter.Reason.ONLEESBAAR));
    assertThat(matches.readValuesToList()).singleElement().satisfies(match ->
        assertThat(match.getSignals()).extracting(MatchedSignal::getSignalId).containsExactly("s1", "s2"));
  }

  @Test
  void aSignalWhoseBodyIsCutOffIsDeadLetteredInsteadOfFailingTheThreadForever() {
    byte[] whole = MatchSerdes.plain().routedSignals().serializer().serialize("t", signal(ours, "kapot", "elkien"));
    driver.createInputTopic(Topics.multiteam(PMG).name(), new StringSerializer(), new ByteArraySerializer())
        .pipeInput(PERSON, Arrays.copyOf(whole, whole.length / 2));
    send(signal(ours, "s1", "politie-leeuwarden-oost"));
    send(signal(ours, "s2", "ikc-1"));

    assertThat(letters).containsExactly(new DeadLetter(Topics.multiteam(PMG).name(), 0, 0,
        DeadLetter.Reason.ONLEESBAAR));
    assertThat(matches.readValuesToList()).singleElement().satisfies(match ->
        assertThat(match.getSignals()).extracting(MatchedSignal::getSignalId).containsExactly("s1", "s2"));
  }

  @Test
  void aSignalSealedUnderAnotherHubsKeysIsDeadLetteredWithoutItsContentAndMatchingGoesOn() {
    send(signal(otherHub, "vreemd", "amaryllis"));
    send(signal(ours, "s1", "politie-leeuwarden-oost"));
    send(signal(ours, "s2", "ikc-1"));

    assertThat(letters).singleElement().satisfies(letter -> {
      assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.SLEUTEL_ONBESCHIKBAAR);
      // The matcher reads the person's signals from its repartition topic; the dead letter points there.
      assertThat(letter.topic()).endsWith("by-person-repartition");
      assertThat(letter.key()).doesNotContain(PERSON).doesNotContain("vreemd");
    });
    assertThat(matches.readValuesToList()).singleElement().satisfies(match ->
        assertThat(match.getSignals()).extracting(MatchedSignal::getSupplier)
            .containsExactly("politie-leeuwarden-oost", "ikc-1"));
  }

  @Test
  void whenTheDeadLetterCannotBeWrittenTheMatcherStopsRatherThanSkipUnrecorded() {
    sinkBroken = true;

    assertThatThrownBy(() -> send(signal(otherHub, "vreemd", "amaryllis"))).isInstanceOf(StreamsException.class);
    assertThat(letters).isEmpty();
  }

  @Test
  void aSignalUnderACovenantVersionTheHubDoesNotHoldYetStopsTheMatcherInsteadOfLosingIt() {
    RoutedSignal unknownVersion = signal(ours, "v9", "amaryllis");
    unknownVersion.setCovenantVersion(9);

    // During a rolling roll-out an instance with the older configuration meets a newer version: stopped, the
    // matcher reads the signal again once it runs the new configuration; a dead letter would never be replayed.
    assertThatThrownBy(() -> send(unknownVersion)).isInstanceOf(StreamsException.class)
        .satisfies(failure -> assertThat(MatchStreams.afterFailure(failure))
            .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT));
    assertThat(letters).isEmpty();
    assertThat(matches.readValuesToList()).isEmpty();
  }

  @Test
  void signalsThatBreakTheirContractAreDeadLetteredAndMatchingGoesOn() {
    RoutedSignal noPseudonym = signal(ours, "zonder", "amaryllis");
    noPseudonym.setPseudonyms(List.of());
    RoutedSignal badPeriod = signal(ours, "periode", "elkien");
    badPeriod.setKeyPeriod("januari");
    send(noPseudonym);
    send(badPeriod);
    send(signal(ours, "s1", "politie-leeuwarden-oost"));
    send(signal(ours, "s2", "ikc-1"));

    assertThat(letters).extracting(DeadLetter::reason)
        .containsExactly(DeadLetter.Reason.ONGELDIG, DeadLetter.Reason.ONGELDIG);
    assertThat(matches.readValuesToList()).singleElement().satisfies(match ->
        assertThat(match.getSignals()).extracting(MatchedSignal::getSignalId).containsExactly("s1", "s2"));
  }

  @Test
  void aTransientFailureFailsTheThreadInsteadOfDeadLetteringTheMatch() {
    send(signal(ours, "s1", "politie-leeuwarden-oost"));
    termsFailure = new UncheckedIOException(new IOException("state store unreadable"));

    assertThatThrownBy(() -> send(signal(ours, "s2", "ikc-1"))).isInstanceOf(StreamsException.class)
        .satisfies(failure -> assertThat(MatchStreams.afterFailure(failure))
            .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD));
    assertThat(letters).as("nothing dead-lettered: the match is not lost").isEmpty();
    assertThat(matches.readValuesToList()).isEmpty();
  }

  @Test
  void aKafkaTimeoutIsTransientToo() {
    send(signal(ours, "s1", "politie-leeuwarden-oost"));
    termsFailure = new org.apache.kafka.common.errors.TimeoutException("store changelog");

    assertThatThrownBy(() -> send(signal(ours, "s2", "ikc-1"))).isInstanceOf(StreamsException.class);
    assertThat(letters).isEmpty();
  }

  @Test
  void aFailureNotKnownTransientStopsTheMatcherWithoutDeadLettering() {
    termsFailure = new IllegalArgumentException("a bug");

    assertThatThrownBy(() -> send(signal(ours, "s1", "politie-leeuwarden-oost")))
        .isInstanceOf(StreamsException.class)
        .satisfies(failure -> assertThat(MatchStreams.afterFailure(failure))
            .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT));
    assertThat(letters).isEmpty();
  }

  @Test
  void aRegistryThatDoesNotAnswerFailsTheReadWhileAnUnknownSchemaOrACutOffBodyIsDeadLettered() {
    MatchDeadLetters handler = new MatchDeadLetters();
    handler.configure(java.util.Map.of(MatchDeadLetters.SINK, (DeadLetter.Sink) letters::add));
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.multiteam(PMG).name(), 2, 40L, new byte[0],
        new byte[] {0, 0, 0, 0, 7});
    Error unreachable = registryError("ConnectException", null);
    Error unavailable = registryError("ServiceUnavailable", 503);
    Error unknownSchema = registryError("ContentNotFoundException", 404);

    ErrorHandlerContext none = null;
    assertThat(handler.handle(none, record, new SerializationException(new RestClientException(unreachable))))
        .isEqualTo(DeserializationHandlerResponse.FAIL);
    assertThat(handler.handle(none, record, new SerializationException(new RestClientException(unavailable))))
        .isEqualTo(DeserializationHandlerResponse.FAIL);
    assertThat(handler.handle(none, record, new org.apache.kafka.common.errors.TimeoutException("fetch")))
        .isEqualTo(DeserializationHandlerResponse.FAIL);
    assertThat(letters).isEmpty();
    // How Apicurio's deserializer fails on a valid magic byte and schema id followed by a cut-off body.
    assertThat(handler.handle(none, record, new UncheckedIOException(new EOFException())))
        .isEqualTo(DeserializationHandlerResponse.CONTINUE);
    assertThat(handler.handle(none, record,
        new SerializationException(new ContentNotFoundException(unknownSchema))))
        .isEqualTo(DeserializationHandlerResponse.CONTINUE);
    assertThat(letters).containsExactly(
        new DeadLetter(Topics.multiteam(PMG).name(), 2, 40L, DeadLetter.Reason.ONLEESBAAR),
        new DeadLetter(Topics.multiteam(PMG).name(), 2, 40L, DeadLetter.Reason.ONLEESBAAR));
  }

  /** As Apicurio's client reports a failure: a connection failure has a name and no HTTP status. */
  private static Error registryError(String name, Integer status) {
    Error error = new Error();
    error.setName(name);
    error.setErrorCode(status);
    return error;
  }

  private void send(RoutedSignal signal) {
    driver.createInputTopic(Topics.multiteam(PMG).name(), new StringSerializer(),
        MatchSerdes.plain().routedSignals().serializer()).pipeInput(PERSON, signal);
  }

  private static RoutedSignal signal(PrivacyFixture sealer, String id, String supplier) {
    YearMonth period = YearMonth.from(DAY);
    SignalContent content = SignalContent.newBuilder().setProfessionalName("Professional van " + supplier)
        .setProfessionalContact("0580-100000").setNote("Zorgen").build();
    return RoutedSignal.newBuilder().setSignalId(id).setKind(RoutedSignalKind.NIEUW).setCovenantId(PMG)
        .setCovenantVersion(2).setRecipient(RECIPIENT).setSupplier(supplier).setSignalType("JONGERE_IN_BEELD")
        .setPseudonyms(List.of(PERSON)).setKeyPeriod(period.toString()).setSignalDate(DAY)
        .setContent(ByteBuffer.wrap(sealer.cipher.seal(new Envelope(PMG, period, RECIPIENT, id, "content"),
            content)))
        .setRoutedAt(DAY.atStartOfDay(ZoneOffset.UTC).toInstant()).build();
  }
}
