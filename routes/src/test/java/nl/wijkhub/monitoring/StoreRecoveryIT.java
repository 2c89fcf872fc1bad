package nl.wijkhub.monitoring;

import static nl.wijkhub.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkhub.WijkhubApplication;
import nl.wijkhub.completeness.Arrivals;
import nl.wijkhub.connectors.monitoring.FigureKey;
import nl.wijkhub.connectors.monitoring.ObservationQuery;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.connectors.monitoring.StoredObservation;
import nl.wijkhub.embedded.EmbeddedStack;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.publish.KafkaSettings;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.support.ApiClient;
import nl.wijkhub.support.FormLoginSession;
import nl.wijkhub.support.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The store on PostgreSQL never stalls on a record, sums the partners of a figure, and can be rebuilt from Kafka.
 * The hub runs on a broker of its own: the records PostgreSQL refuses here must not reach other tests' stores.
 */
class StoreRecoveryIT {

  private static final Duration CATCH_UP = Duration.ofSeconds(60);
  private static final String KEY_PROGRAMME = "leeuwarden-oost";

  @TempDir
  static Path data;

  private static EmbeddedStack stack;
  private static ConfigurableApplicationContext hub;
  /** The operator: health details, metrics and the store's operator actions. */
  private static ApiClient api;
  /** Programme staff of Leeuwarden Oost, whose figures the IKC's deliver. */
  private static ApiClient staff;
  private static ObservationStore store;
  private static JdbcTemplate db;
  private static int port;

  @BeforeAll
  static void startHubOnItsOwnBroker() throws Exception {
    stack = EmbeddedStack.start(Files.createDirectories(data.resolve("stack")));
    Map<String, Object> props = new HashMap<>(TestInfrastructure.hubProperties(stack, data,
        TestInfrastructure.isolation()));
    props.put("server.port", "0");
    hub = new SpringApplicationBuilder(WijkhubApplication.class)
        .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    port = hub.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    api = ApiClient.demoUser(port, "demo-beheer");
    staff = ApiClient.demoUser(port, "demo-programmabureau");
    store = hub.getBean(ObservationStore.class);
    // The migration's role: the hub's own owns no table and may not alter one.
    db = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
        (String) props.get("spring.datasource.url"), TestInfrastructure.DB_OWNER,
        TestInfrastructure.DB_OWNER_PASSWORD));
  }

  @AfterAll
  static void stop() {
    if (hub != null) {
      hub.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aRecordPostgresRefusesIsDeadLetteredTheNextIsStoredAndAReplayAfterTheFixStoresIt() {
    String tooLong = "extra-leertijd-kinderen-" + "x".repeat(120);
    IndicatorObservation nul = observation("extra-leertijd-kinderen", "2040", "ikc-1", 4, "met \u0000 erin");
    IndicatorObservation next = observation("extra-leertijd-kinderen", "2040", "ikc-2", 6, null);
    IndicatorObservation wide = observation(tooLong, "2040", "ikc-3", 8, null);
    publish(nul, next, wide);

    await().atMost(CATCH_UP).until(() -> current("extra-leertijd-kinderen", "2040").size() == 1);
    assertThat(current("extra-leertijd-kinderen", "2040")).extracting(StoredObservation::partner)
        .containsExactly("ikc-2");
    List<ConsumerRecord<String, byte[]>> letters = await().atMost(CATCH_UP)
        .until(StoreRecoveryIT::deadLetters, l -> l.size() == 2);
    assertThat(letters).extracting(l -> DeadLetters.header(l.headers(), DeadLetters.REASON))
        .containsExactlyInAnyOrder("SQL state 22021", "SQL state 22001");
    ConsumerRecord<String, byte[]> nulLetter = letters.stream()
        .filter(l -> "SQL state 22021".equals(DeadLetters.header(l.headers(), DeadLetters.REASON))).findFirst()
        .orElseThrow();
    assertThat(nulLetter.key()).isEqualTo(Topics.keyOf(nul));
    assertThat(decode(nulLetter.value())).isEqualTo(nul);
    assertThat(DeadLetters.header(nulLetter.headers(), DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.INDICATORS.name());
    assertThat(DeadLetters.header(nulLetter.headers(), DeadLetters.SOURCE_OFFSET)).matches("\\d+");

    JsonNode health = json(api.get("/actuator/health"));
    assertThat(health.get("status").asString()).isEqualTo("DEAD_LETTERS");
    assertThat(health.get("components").get("deadLetters").get("status").asString()).isEqualTo("DEAD_LETTERS");
    assertThat(health.get("components").get("deadLetters").get("details").get("waiting").asLong()).isEqualTo(2);
    assertThat(api.get("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(metric("wijkhub.store.dead-letters.waiting")).isEqualTo(2.0);
    assertThat(metric("wijkhub.store.dead-letters")).isEqualTo(2.0);

    // The fix an operator would ship as a migration: a column wide enough for the indicator code.
    db.execute("ALTER TABLE observation_history ALTER COLUMN indicator TYPE VARCHAR(200)");
    db.execute("ALTER TABLE observation_current ALTER COLUMN indicator TYPE VARCHAR(200)");
    JsonNode replay = json(api.post("/api/v1/beheer/dead-letters/replay", "application/json", new byte[0]));

    assertThat(replay.get("replayed").asLong()).isEqualTo(2);
    assertThat(replay.get("stored").asLong()).isEqualTo(1);
    assertThat(replay.get("deadAgain").asLong()).isEqualTo(1);
    assertThat(current(tooLong, "2040")).extracting(StoredObservation::value).containsExactly(8.0);
    assertThat(deadLetters()).hasSize(3).last()
        .satisfies(l -> assertThat(DeadLetters.header(l.headers(), DeadLetters.REASON)).isEqualTo("SQL state 22021"))
        .satisfies(l -> assertThat(l.value()).isEqualTo(nulLetter.value()));
    assertThat(metric("wijkhub.store.dead-letters.waiting")).as("the NUL still waits, nothing is lost")
        .isEqualTo(1.0);
  }

  @Test
  void theTenIkcsAddUpAndALaterRevisionReplacesOnlyThatIkcsValue() {
    for (int ikc = 1; ikc <= 10; ikc++) {
      deliver("ikc-" + ikc, "extra-leertijd-kinderen;Bilgaard;2041;" + (ikc * 10) + ";\n");
    }
    JsonNode figure = awaitFigure("2041", f -> f.get("partners").size() == 10);
    assertThat(figure.get("value").asDouble()).isEqualTo(550.0);

    deliver("ikc-3", "extra-leertijd-kinderen;Bilgaard;2041;35;correctie\n");
    figure = awaitFigure("2041", f -> f.get("value").asDouble() != 550.0);

    assertThat(figure.get("value").asDouble()).isEqualTo(550.0 - 30 + 35);
    assertThat(figure.get("partners").valueStream().map(p -> p.get("partner").asString() + "=" + p.get("value")
        .asDouble())).containsExactly("ikc-1=10.0", "ikc-10=100.0", "ikc-2=20.0", "ikc-3=35.0", "ikc-4=40.0",
        "ikc-5=50.0", "ikc-6=60.0", "ikc-7=70.0", "ikc-8=80.0", "ikc-9=90.0");
    assertThat(store.history(KEY_PROGRAMME, "extra-leertijd-kinderen", "bilgaard", "2041")).hasSize(11);

    JsonNode onlyIkc3 = json(staff.get("/api/v1/observations?periode=2041&partner=ikc-3"));
    assertThat(onlyIkc3.get("observations").get(0).get("value").asDouble()).isEqualTo(35.0);
  }

  @Test
  void figuresArePagedByACursorInKeyOrder() {
    for (String period : List.of("2042", "2043", "2044")) {
      deliver("ikc-1", "extra-leertijd-kinderen;Bilgaard;" + period + ";1;\n");
    }
    await().atMost(CATCH_UP).until(() -> current("extra-leertijd-kinderen", "2044").size() == 1);

    List<String> periods = new ArrayList<>();
    String query = "/api/v1/observations?partner=ikc-1&wijk=bilgaard&limit=2";
    JsonNode page = json(staff.get(query));
    page.get("observations").forEach(f -> periods.add(f.get("period").asString()));
    while (!page.get("next").isNull()) {
      page = json(staff.get(query + "&cursor=" + page.get("next").asString()));
      assertThat(page.get("observations").size()).isBetween(1, 2);
      page.get("observations").forEach(f -> periods.add(f.get("period").asString()));
    }

    assertThat(periods).containsSubsequence("2042", "2043", "2044").doesNotHaveDuplicates().isSorted();
    assertThat(staff.get("/api/v1/observations?limit=1001").statusCode()).isEqualTo(400);
    assertThat(json(staff.get("/api/v1/observations?cursor=kapot")).get("code").asString())
        .isEqualTo("CURSOR_ONGELDIG");
  }

  @Test
  void aStoreRebuiltFromTheTopicEqualsTheOriginal() throws Exception {
    deliver("ikc-5", "extra-leertijd-kinderen;Bilgaard;2045;5;\nextra-leertijd-kinderen;Camminghaburen;2045;6;\n");
    deliver("ikc-5", "extra-leertijd-kinderen;Bilgaard;2045;7;correctie\n");
    // Every other test waited for its own records, so once these are in, nothing is in flight.
    await().atMost(CATCH_UP).until(() -> current("extra-leertijd-kinderen", "2045").stream()
        .anyMatch(o -> o.value() == 7.0) && store.current(new ObservationQuery(KEY_PROGRAMME,
        "extra-leertijd-kinderen", "camminghaburen", "2045", null)).size() == 1);
    List<Map<String, Object>> history = rows("observation_history");
    List<Map<String, Object>> current = rows("observation_current");
    assertThat(current).isNotEmpty();
    // Damage the store, so that only a real rebuild makes it equal again.
    db.update("DELETE FROM observation_current WHERE period = '2045' AND wijk = 'bilgaard'");
    db.update("UPDATE observation_history SET observed = 999 WHERE period = '2045'");

    JsonNode outcome = json(api.post("/api/v1/beheer/store/rebuild", "application/json", new byte[0]));

    assertThat(outcome.get("records").asLong()).isEqualTo(committedRecords());
    assertThat(rows("observation_history")).isEqualTo(history);
    assertThat(rows("observation_current")).isEqualTo(current);
    deliver("ikc-5", "extra-leertijd-kinderen;Bilgaard;2045;8;na de herbouw\n");
    await("the consumer runs again after the rebuild").atMost(CATCH_UP)
        .until(() -> current("extra-leertijd-kinderen", "2045").stream().anyMatch(o -> o.value() == 8.0));
  }

  @Test
  void aWithdrawnDeliveryNoLongerCountsNorArrivesAndARebuildFromTheTopicKeepsTheWithdrawal() throws Exception {
    String rows = "extra-leertijd-kinderen;Bilgaard;2046;600;\nextra-leertijd-kinderen;Bilgaard;2047;7;\n";
    deliver("ikc-6", "extra-leertijd-kinderen;Bilgaard;2046;6;\n");
    String wrong = deliver("ikc-6", rows);
    await().atMost(CATCH_UP).until(() -> current("extra-leertijd-kinderen", "2046").stream()
        .anyMatch(o -> o.value() == 600.0) && current("extra-leertijd-kinderen", "2047").size() == 1);
    String withdraw = "/api/v1/submissions/" + wrong + "/intrekking";

    HttpResponse<String> other = api.as("demo-ikc-7").post(withdraw, "application/json", new byte[0]);
    HttpResponse<String> unknown = api.as("demo-ikc-7").post("/api/v1/submissions/" + UUID.randomUUID()
        + "/intrekking", "application/json", new byte[0]);
    assertThat(other.statusCode()).as("another partner's delivery answers as an unknown id: " + other.body())
        .isEqualTo(unknown.statusCode()).isEqualTo(404);
    // The instance is the path asked for, so it differs by the id; everything else is the same.
    assertThat(((ObjectNode) json(other)).without("instance")).isEqualTo(((ObjectNode) json(unknown))
        .without("instance"));
    assertThat(json(other).get("code").asString()).isEqualTo("AANLEVERING_ONBEKEND");
    HttpResponse<String> withdrawn = api.as("demo-ikc-6").post(withdraw, "application/json", new byte[0]);

    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    JsonNode receipt = json(withdrawn);
    assertThat(receipt.get("withdrawnFigures").asLong()).isEqualTo(2);
    assertThat(receipt.get("alreadyWithdrawn").asBoolean()).isFalse();
    await("the previous revision counts again").atMost(CATCH_UP).until(() -> current("extra-leertijd-kinderen",
        "2046").stream().map(StoredObservation::value).toList().equals(List.of(6.0))
        && current("extra-leertijd-kinderen", "2047").isEmpty());
    JsonNode again = json(api.as("demo-ikc-6").post(withdraw, "application/json", new byte[0]));
    assertThat(again.get("alreadyWithdrawn").asBoolean()).isTrue();
    assertThat(again.get("withdrawalId").asString()).isEqualTo(receipt.get("withdrawalId").asString());
    assertThat(hub.getBean(Arrivals.class).arrivals(KEY_PROGRAMME)).as("the withdrawn figures have not arrived")
        .filteredOn(a -> a.partner().equals("ikc-6") && a.period().startsWith("204"))
        .extracting(Arrivals.Arrival::period).containsExactly("2046");
    FigureKey key = new FigureKey(KEY_PROGRAMME, "extra-leertijd-kinderen", "bilgaard", "2046");
    List<String> history = store.revisions(key).stream()
        .map(r -> r.value().value() + (r.withdrawn() ? " ingetrokken" : "")).toList();
    assertThat(history).containsExactly("6.0", "600.0 ingetrokken");

    json(api.post("/api/v1/beheer/store/rebuild", "application/json", new byte[0]));

    assertThat(current("extra-leertijd-kinderen", "2046")).extracting(StoredObservation::value).containsExactly(6.0);
    assertThat(current("extra-leertijd-kinderen", "2047")).isEmpty();
    assertThat(store.revisions(key).stream().map(r -> r.value().value() + (r.withdrawn() ? " ingetrokken" : ""))
        .toList()).isEqualTo(history);
    deliver("ikc-6", rows);
    await("the same file, sent again after its withdrawal, counts again").atMost(CATCH_UP)
        .until(() -> current("extra-leertijd-kinderen", "2047").size() == 1);
  }

  @Test
  void staffSeeEveryRevisionOfAFigureAndWithdrawADeliveryWithTheFormOnTheHistoryPage() {
    String first = deliver("ikc-8", "extra-leertijd-kinderen;Bilgaard;2048;8;\n");
    String second = deliver("ikc-8", "extra-leertijd-kinderen;Bilgaard;2048;80;verkeerd\n");
    await().atMost(CATCH_UP).until(() -> current("extra-leertijd-kinderen", "2048").stream()
        .anyMatch(o -> o.value() == 80.0));
    FormLoginSession browser = FormLoginSession.logIn(port, "demo-programmabureau");
    String history = "/dashboard/" + KEY_PROGRAMME + "/geschiedenis?indicator=extra-leertijd-kinderen";

    String page = browser.get(history).body();
    String rows = page.substring(page.indexOf("Bilgaard, 2048"));
    rows = rows.substring(0, rows.indexOf("</table>"));
    assertThat(rows).contains(first, second, ">API<", ">ikc-8<", ">8<", ">80<", ">vervangen<", ">telt<");
    HttpResponse<String> withoutToken = browser.postForm("/dashboard/" + KEY_PROGRAMME + "/intrekking",
        "indicator=extra-leertijd-kinderen&aanlevering=" + second);
    assertThat(withoutToken.statusCode()).as("the form without its CSRF token").isEqualTo(403);

    String answer = browser.postForm("/dashboard/" + KEY_PROGRAMME + "/intrekking",
        "indicator=extra-leertijd-kinderen&aanlevering=" + second + "&_csrf=" + FormLoginSession.csrf(page)).body();

    assertThat(answer).contains("Aanlevering " + second + " is ingetrokken");
    await("the previous revision counts again").atMost(CATCH_UP).until(() -> current("extra-leertijd-kinderen",
        "2048").stream().map(StoredObservation::value).toList().equals(List.of(8.0)));
    String after = browser.get(history).body();
    after = after.substring(after.indexOf("Bilgaard, 2048"));
    after = after.substring(0, after.indexOf("</table>"));
    assertThat(after).contains(">ingetrokken op ").contains(">telt<").doesNotContain(">vervangen<");
    FormLoginSession partner = FormLoginSession.logIn(port, "demo-ikc-8");
    assertThat(partner.get(history).statusCode())
        .as("history is for programme staff only").isEqualTo(403);
  }

  private static IndicatorObservation observation(String indicator, String period, String partner, double value,
      String note) {
    return IndicatorObservation.newBuilder().setProgramme(KEY_PROGRAMME).setIndicator(indicator).setWijk("bilgaard")
        .setPeriod(period).setValue(value).setNote(note).setPartner(partner)
        .setSubmissionId(UUID.randomUUID().toString()).setLine(2).setRevision(System.currentTimeMillis())
        .setReceivedAt(Instant.now()).build();
  }

  /** Straight onto the topic in one transaction, with the hub's own producer settings and serializer. */
  private static void publish(IndicatorObservation... observations) {
    Map<String, Object> props = new HashMap<>(hub.getBean(KafkaSettings.class).producerProperties());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "store-recovery-it-" + UUID.randomUUID());
    try (KafkaProducer<String, IndicatorObservation> producer = new KafkaProducer<>(props)) {
      producer.initTransactions();
      producer.beginTransaction();
      for (IndicatorObservation o : observations) {
        producer.send(new ProducerRecord<>(Topics.INDICATORS.name(), Topics.keyOf(o), o));
      }
      producer.commitTransaction();
    }
  }

  /** Delivers the rows as the partner, which must be accepted, and returns the delivery's id. */
  private static String deliver(String partner, String rows) {
    HttpResponse<String> response = api.as("demo-" + partner).postCsv("/api/v1/submissions",
        "indicator;wijk;periode;waarde;toelichting\n" + rows, "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(json(response).get("status").asString()).isEqualTo("ACCEPTED");
    return json(response).get("submissionId").asString();
  }

  private static List<StoredObservation> current(String indicator, String period) {
    return store.current(new ObservationQuery(KEY_PROGRAMME, indicator, "bilgaard", period, null));
  }

  private static JsonNode awaitFigure(String period, java.util.function.Predicate<JsonNode> ready) {
    return await().atMost(CATCH_UP).until(() -> json(staff.get("/api/v1/observations?programme=" + KEY_PROGRAMME
        + "&indicator=extra-leertijd-kinderen&wijk=bilgaard&periode=" + period)).get("observations"),
        list -> list.size() == 1 && ready.test(list.get(0))).get(0);
  }

  private static double metric(String name) {
    return json(api.get("/actuator/metrics/" + name)).get("measurements").get(0).get("value").asDouble();
  }

  private static IndicatorObservation decode(byte[] value) {
    try (ObservationDecoder decoder = new ObservationDecoder(hub.getBean(KafkaSettings.class))) {
      return decoder.decode(new SourceRecord(Topics.INDICATORS.name(), 0, 0, null, value));
    }
  }

  private static List<Map<String, Object>> rows(String table) {
    String columns = "programme, indicator, wijk, period, observed, note, partner, submission_id, line, revision,"
        + " received_at";
    return db.queryForList("SELECT " + columns + " FROM " + table + " ORDER BY programme, indicator, wijk, period,"
        + " partner, submission_id, line");
  }

  private static List<ConsumerRecord<String, byte[]>> deadLetters() {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      TopicPartition partition = new TopicPartition(Topics.INDICATOR_DEAD_LETTERS.name(), 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
      while (consumer.position(partition) < end) {
        consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
      }
      return letters;
    }
  }

  private static long committedRecords() {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDICATORS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long count = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        count += consumer.poll(Duration.ofMillis(200)).count();
      }
      return count;
    }
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
        new ByteArrayDeserializer());
  }
}
