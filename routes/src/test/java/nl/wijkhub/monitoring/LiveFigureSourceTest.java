package nl.wijkhub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.wijkhub.connectors.monitoring.ObservationQuery;
import nl.wijkhub.connectors.monitoring.ObservationStore;
import nl.wijkhub.connectors.monitoring.StoredObservation;
import nl.wijkhub.dashboard.Count;
import nl.wijkhub.dashboard.FigureSource.Figure;
import nl.wijkhub.events.IndicatorObservation;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's figures follow what is stored without reading the store again, on H2 as the embedded hub has it. */
class LiveFigureSourceTest {

  private static final String PROGRAMME = "leeuwarden-oost";
  private static final String INDICATOR = "extra-leertijd-kinderen";

  /** The store, counting how often the figures are read from it. */
  private static final class CountingStore extends ObservationStore {

    final AtomicInteger reads = new AtomicInteger();

    CountingStore(JdbcDataSource dataSource) {
      super(dataSource);
    }

    @Override
    public List<StoredObservation> current(ObservationQuery query) {
      reads.incrementAndGet();
      return super.current(query);
    }
  }

  private CountingStore store;
  private LiveFigureSource live;

  @BeforeEach
  void freshStore() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    store = new CountingStore(dataSource);
    live = new LiveFigureSource(store);
  }

  @Test
  void aProgrammeIsReadFromTheStoreOnceAndThenFollowsEachStoredBatch() {
    store.store(List.of(observation("bilgaard", "ikc-1", 10, 1)));
    assertThat(value("bilgaard")).isEqualTo(Count.of(10));

    stored(observation("bilgaard", "ikc-2", 5, 2), observation("oud-oost", "ikc-1", 7, 2));
    stored(observation("bilgaard", "ikc-1", 12, 3));

    assertThat(value("bilgaard")).isEqualTo(Count.of(17));
    assertThat(value("oud-oost")).isEqualTo(Count.of(7));
    assertThat(store.reads).as("figures are not recomputed per request").hasValue(1);
    assertThat(live.figures(PROGRAMME)).as("the same as reading the store afresh")
        .containsExactlyInAnyOrderElementsOf(new LiveFigureSource(store).figures(PROGRAMME));
  }

  @Test
  void anOlderRevisionArrivingLateOrAReplayChangesNothing() {
    IndicatorObservation newest = observation("bilgaard", "ikc-1", 12, 3);
    stored(newest);
    live.figures(PROGRAMME);

    stored(observation("bilgaard", "ikc-1", 99, 2), newest);

    assertThat(value("bilgaard")).isEqualTo(Count.of(12));
  }

  @Test
  void aValueWithheldAtSourceMakesTheFigureARange() {
    live.figures(PROGRAMME);
    IndicatorObservation withheld = observation("bilgaard", "ikc-2", 0, 1);
    withheld.setWithheld(true);

    stored(observation("bilgaard", "ikc-1", 150, 1), withheld);

    Count value = value("bilgaard");
    assertThat(value.exact()).isFalse();
    assertThat(value.min()).isEqualTo(151);
    assertThat(value.max()).isEqualTo(154);
    assertThat(new LiveFigureSource(store).figures(PROGRAMME)).singleElement()
        .satisfies(f -> assertThat(f.value()).as("read back from the store").isEqualTo(value));
  }

  @Test
  void afterARebuildEverythingIsReadAgainFromTheStore() {
    stored(observation("bilgaard", "ikc-1", 10, 1));
    live.figures(PROGRAMME);

    store.replaceAll(() -> store.store(List.of(observation("oud-oost", "ikc-1", 4, 1))));
    live.forget();

    assertThat(live.figures(PROGRAMME)).extracting(Figure::wijk).containsExactly("oud-oost");
    assertThat(store.reads).hasValue(2);
  }

  @Test
  void afterAWithdrawalThePartnersPreviousValueCountsAgainAsInTheStore() {
    stored(observation("bilgaard", "ikc-1", 10, 1), observation("bilgaard", "ikc-2", 5, 1));
    IndicatorObservation wrong = observation("bilgaard", "ikc-1", 100, 2);
    stored(wrong);
    assertThat(value("bilgaard")).isEqualTo(Count.of(105));

    stored(IndicatorObservation.newBuilder(wrong).setSubmissionId("intrekking-1").setWithdraws(wrong.getSubmissionId())
        .setValue(0).setLine(1).setRevision(3).build());

    assertThat(value("bilgaard")).isEqualTo(Count.of(15));
    stored(wrong);
    assertThat(value("bilgaard")).as("a replay of the withdrawn value").isEqualTo(Count.of(15));
    assertThat(live.figures(PROGRAMME)).as("the same as reading the store afresh")
        .containsExactlyInAnyOrderElementsOf(new LiveFigureSource(store).figures(PROGRAMME));
  }

  /** As the store writer does it: commit, then hand the batch on and forget what a withdrawal recomputed. */
  private void stored(IndicatorObservation... batch) {
    var recomputed = store.store(List.of(batch));
    live.stored(List.of(batch));
    live.forget(recomputed);
  }

  private Count value(String wijk) {
    return live.figures(PROGRAMME).stream().filter(f -> f.wijk().equals(wijk)).findFirst().orElseThrow().value();
  }

  private static IndicatorObservation observation(String wijk, String partner, double value, long revision) {
    return IndicatorObservation.newBuilder().setProgramme(PROGRAMME).setIndicator(INDICATOR).setWijk(wijk)
        .setPeriod("2024").setValue(value).setPartner(partner).setSubmissionId(UUID.randomUUID().toString())
        .setLine(2).setRevision(revision).setReceivedAt(Instant.now()).build();
  }
}
