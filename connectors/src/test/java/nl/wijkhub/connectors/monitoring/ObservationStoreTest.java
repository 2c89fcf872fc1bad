package nl.wijkhub.connectors.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.wijkhub.events.IndicatorObservation;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store's statements and migrations on H2, the embedded default; StoreRecoveryIT runs the same on PostgreSQL
 * through the whole hub.
 */
class ObservationStoreTest {

  private static final String INDICATOR = "extra-leertijd-kinderen";

  private JdbcDataSource dataSource;
  private ObservationStore store;

  @BeforeEach
  void freshDatabase() {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    store = new ObservationStore(dataSource);
  }

  @Test
  void theMigrationBringsBackThePartnersAnEarlierDeliveryReplaced() {
    migrate("1");
    JdbcTemplate db = new JdbcTemplate(dataSource);
    String insert = "INSERT INTO observation_history (submission_id, line, programme, indicator, wijk, period,"
        + " observed, partner, revision, received_at) VALUES (?, 2, 'leeuwarden-oost', ?, 'bilgaard', '2024', ?, ?,"
        + " ?, CURRENT_TIMESTAMP)";
    db.update(insert, "s1", INDICATOR, 10.0, "ikc-1", 1L);
    db.update(insert, "s2", INDICATOR, 20.0, "ikc-2", 2L);
    db.update(insert, "s3", INDICATOR, 15.0, "ikc-1", 3L);
    // Under V1 the current row was the last delivery's, whoever's it was.
    db.update("INSERT INTO observation_current (programme, indicator, wijk, period, observed, partner,"
        + " submission_id, line, revision, received_at) VALUES ('leeuwarden-oost', ?, 'bilgaard', '2024', 15.0,"
        + " 'ikc-1', 's3', 2, 3, CURRENT_TIMESTAMP)", INDICATOR);

    migrate(null);

    assertThat(store.current(ObservationQuery.all())).extracting(o -> o.partner() + "=" + o.value())
        .containsExactly("ikc-1=15.0", "ikc-2=20.0");
    assertThat(store.figures(ObservationQuery.all(), null, 10).figures()).singleElement()
        .satisfies(f -> assertThat(f.total()).isEqualTo(35.0));
  }

  @Test
  void tenPartnersAddUpAndEachLaterRevisionReplacesOnlyItsOwnValue() {
    migrate(null);
    List<IndicatorObservation> ten = new ArrayList<>();
    for (int ikc = 1; ikc <= 10; ikc++) {
      ten.add(observation("2024", "ikc-" + ikc, ikc, 100 + ikc));
    }
    store.store(ten);
    store.store(List.of(observation("2024", "ikc-4", 40, 200), observation("2024", "ikc-5", 99, 50)));

    Figure figure = store.figures(ObservationQuery.all(), null, 10).figures().get(0);

    assertThat(figure.total()).isEqualTo(55 - 4 + 40);
    assertThat(figure.partners()).hasSize(10).filteredOn(o -> o.partner().equals("ikc-5"))
        .extracting(StoredObservation::value).as("an older revision arriving late changes nothing")
        .containsExactly(5.0);
    assertThat(store.history("leeuwarden-oost", INDICATOR, "bilgaard", "2024")).hasSize(12);
    assertThat(store.figures(ObservationQuery.all().withPartner("ikc-4"), null, 10).figures().get(0).total())
        .isEqualTo(40.0);
  }

  @Test
  void pagesFollowEachOtherInKeyOrderWithoutGapOrRepeat() {
    migrate(null);
    for (String period : List.of("2021", "2022", "2023", "2024", "2025")) {
      store.store(List.of(observation(period, "ikc-1", 1, 1), observation(period, "ikc-2", 2, 1)));
    }
    List<String> periods = new ArrayList<>();
    FigureKey after = null;
    do {
      FigurePage page = store.figures(ObservationQuery.all(), after, 2);
      page.figures().forEach(f -> {
        periods.add(f.key().period());
        assertThat(f.total()).isEqualTo(3.0);
      });
      after = page.next();
    } while (after != null);

    assertThat(periods).containsExactly("2021", "2022", "2023", "2024", "2025");
  }

  @Test
  void replaceAllRefillsTheStoreInOneTransactionAndKeepsTheOldOneWhenTheRefillFails() {
    migrate(null);
    store.store(List.of(observation("2024", "ikc-1", 1, 1)));

    assertThatThrownBy(() -> store.replaceAll(() -> {
      store.store(List.of(observation("2024", "ikc-2", 2, 1)));
      throw new IllegalStateException("Kafka went away");
    })).hasMessage("Kafka went away");
    assertThat(store.current(ObservationQuery.all())).extracting(StoredObservation::partner).containsExactly("ikc-1");

    store.replaceAll(() -> store.store(List.of(observation("2024", "ikc-3", 3, 1))));
    assertThat(store.current(ObservationQuery.all())).extracting(StoredObservation::partner).containsExactly("ikc-3");
  }

  @Test
  void aValueWithheldAtSourceIsKeptAsWithheldAndALaterExactValueReplacesIt() {
    migrate(null);
    store.store(List.of(observation("2024", "ikc-1", 30, 1),
        withheld(observation("2024", "ikc-2", 0, 1))));

    Figure figure = store.figures(ObservationQuery.all(), null, 10).figures().get(0);
    assertThat(figure.total()).as("the exactly known part").isEqualTo(30.0);
    assertThat(figure.withheldParts()).isEqualTo(1);
    assertThat(store.current(ObservationQuery.all())).extracting(o -> o.partner() + "=" + o.withheld())
        .containsExactly("ikc-1=false", "ikc-2=true");

    store.store(List.of(observation("2024", "ikc-2", 3, 2)));
    assertThat(store.current(ObservationQuery.all().withPartner("ikc-2"))).singleElement()
        .satisfies(o -> assertThat(o.withheld()).isFalse()).satisfies(o -> assertThat(o.value()).isEqualTo(3.0));
    assertThat(store.history("leeuwarden-oost", INDICATOR, "bilgaard", "2024"))
        .extracting(StoredObservation::withheld).containsExactlyInAnyOrder(false, true, false);
  }

  @Test
  void rowsStoredBeforeTheWithheldMarkerExistedAreExact() {
    migrate("2");
    new JdbcTemplate(dataSource).update("INSERT INTO observation_history (submission_id, line, programme, indicator,"
        + " wijk, period, observed, partner, revision, received_at) VALUES ('s1', 2, 'leeuwarden-oost', ?,"
        + " 'bilgaard', '2024', 4.0, 'ikc-1', 1, CURRENT_TIMESTAMP)", INDICATOR);

    migrate(null);

    assertThat(store.history("leeuwarden-oost", INDICATOR, "bilgaard", "2024")).singleElement()
        .satisfies(o -> assertThat(o.withheld()).isFalse());
  }

  private static IndicatorObservation withheld(IndicatorObservation observation) {
    observation.setWithheld(true);
    return observation;
  }

  @Test
  void withdrawingTheLatestDeliveryMakesThePartnersPreviousRevisionCountAgain() {
    migrate(null);
    IndicatorObservation first = observation("2050", "ikc-1", 10, 1);
    IndicatorObservation second = observation("2050", "ikc-1", 15, 2);
    IndicatorObservation other = observation("2050", "ikc-2", 20, 1);
    store.store(List.of(first, second, other));

    Set<String> recomputed = store.store(List.of(withdrawal(second, "w-1", 3)));

    assertThat(recomputed).containsExactly("leeuwarden-oost");
    assertThat(store.current(ObservationQuery.all())).extracting(o -> o.partner() + "=" + o.value())
        .containsExactly("ikc-1=10.0", "ikc-2=20.0");
    assertThat(store.figures(ObservationQuery.all(), null, 10).figures()).singleElement()
        .satisfies(f -> assertThat(f.total()).isEqualTo(30.0));
    assertThat(store.revisions(new FigureKey("leeuwarden-oost", INDICATOR, "bilgaard", "2050")))
        .extracting(r -> r.value().partner() + "=" + r.value().value() + (r.withdrawn() ? " ingetrokken" : ""))
        .containsExactly("ikc-1=10.0", "ikc-2=20.0", "ikc-1=15.0 ingetrokken");
  }

  @Test
  void withdrawingAPartnersOnlyValueRemovesItFromTheFigure() {
    migrate(null);
    IndicatorObservation only = observation("2051", "ikc-1", 10, 1);
    store.store(List.of(only, observation("2051", "ikc-2", 20, 1)));

    store.store(List.of(withdrawal(only, "w-2", 2)));

    assertThat(store.current(ObservationQuery.all())).extracting(StoredObservation::partner).containsExactly("ikc-2");
    assertThat(store.holds(only.getSubmissionId())).isTrue();
  }

  @Test
  void aReplayOfAWithdrawnValueAndOfTheWithdrawalChangesNothingInAnyOrder() {
    migrate(null);
    IndicatorObservation first = observation("2052", "ikc-1", 10, 1);
    IndicatorObservation second = observation("2052", "ikc-1", 15, 2);
    IndicatorObservation withdrawal = withdrawal(second, "w-3", 3);
    // The withdrawal first (a dead letter replayed late), then both values, then everything again.
    store.store(List.of(withdrawal));
    store.store(List.of(second, first));
    store.store(List.of(first, second, withdrawal));

    assertThat(store.current(ObservationQuery.all())).extracting(o -> o.partner() + "=" + o.value())
        .containsExactly("ikc-1=10.0");
    assertThat(store.revisions(new FigureKey("leeuwarden-oost", INDICATOR, "bilgaard", "2052")))
        .filteredOn(Revision::withdrawn).singleElement()
        .satisfies(r -> assertThat(r.withdrawalId()).isEqualTo("w-3"));
  }

  @Test
  void aWithdrawalMadeWhilePartOfTheDeliveryWasStoredAlsoWithdrawsItsValuesThatArriveLater() {
    migrate(null);
    IndicatorObservation earlier = observation("2054", "ikc-1", 7, 1);
    String submission = UUID.randomUUID().toString();
    IndicatorObservation a = IndicatorObservation.newBuilder(observation("2053", "ikc-1", 10, 5))
        .setSubmissionId(submission).build();
    IndicatorObservation b = IndicatorObservation.newBuilder(observation("2054", "ikc-1", 11, 5))
        .setSubmissionId(submission).setLine(3).build();
    store.store(List.of(earlier, a));
    assertThat(store.keysHeld(submission)).extracting(StoredObservation::period).containsExactly("2053");
    IndicatorObservation withdrawal = withdrawal(a, "w-4", 6);
    store.store(List.of(withdrawal));

    // b's partition lagged behind: it arrives after the withdrawal, and the live figures must read the programme.
    assertThat(store.store(List.of(b))).containsExactly("leeuwarden-oost");

    assertThat(store.current(ObservationQuery.all())).extracting(o -> o.period() + "=" + o.value())
        .containsExactly("2054=7.0");
    assertThat(store.revisions(new FigureKey("leeuwarden-oost", INDICATOR, "bilgaard", "2054")))
        .extracting(r -> r.value().value() + (r.withdrawn() ? " " + r.withdrawalId() : ""))
        .containsExactly("7.0", "11.0 w-4");

    // A store rebuilt from the topic, in which the withdrawal comes before both values, ends the same.
    store.replaceAll(() -> {
      store.store(List.of(withdrawal));
      store.store(List.of(b, earlier));
      store.store(List.of(a));
    });
    assertThat(store.current(ObservationQuery.all())).extracting(o -> o.period() + "=" + o.value())
        .containsExactly("2054=7.0");
  }

  @Test
  void theMigrationMakesAWithdrawalOfSomeKeysAWithdrawalOfTheWholeDelivery() {
    migrate("200");
    JdbcTemplate db = new JdbcTemplate(dataSource);
    String history = "INSERT INTO observation_history (submission_id, line, programme, indicator, wijk, period,"
        + " observed, partner, revision, received_at) VALUES (?, ?, 'leeuwarden-oost', ?, 'bilgaard', ?, ?, 'ikc-1',"
        + " ?, CURRENT_TIMESTAMP)";
    String current = "INSERT INTO observation_current (programme, indicator, wijk, period, observed, partner,"
        + " submission_id, line, revision, received_at) VALUES ('leeuwarden-oost', ?, 'bilgaard', ?, ?, 'ikc-1', ?,"
        + " ?, ?, CURRENT_TIMESTAMP)";
    db.update(history, "old", 2, INDICATOR, "2055", 7.0, 1L);
    db.update(history, "late", 2, INDICATOR, "2055", 11.0, 5L);
    db.update(history, "late", 3, INDICATOR, "2056", 12.0, 5L);
    // Under V200 the withdrawal named only the key the store held when it was made; 2056 arrived later and counted.
    db.update("INSERT INTO observation_withdrawal (withdrawn_submission_id, programme, indicator, wijk, period,"
        + " partner, withdrawal_id, withdrawn_at) VALUES ('late', 'leeuwarden-oost', ?, 'bilgaard', '2055', 'ikc-1',"
        + " 'intrekking-late', CURRENT_TIMESTAMP)", INDICATOR);
    db.update(current, INDICATOR, "2055", 7.0, "old", 2, 1L);
    db.update(current, INDICATOR, "2056", 12.0, "late", 3, 5L);

    migrate(null);

    assertThat(store.current(ObservationQuery.all())).extracting(o -> o.period() + "=" + o.value())
        .containsExactly("2055=7.0");
    assertThat(store.revisions("leeuwarden-oost", INDICATOR)).filteredOn(Revision::withdrawn)
        .extracting(r -> r.value().period() + " " + r.withdrawalId())
        .containsExactly("2055 intrekking-late", "2056 intrekking-late");
  }

  private static IndicatorObservation withdrawal(IndicatorObservation of, String id, long revision) {
    return IndicatorObservation.newBuilder(of).setSubmissionId(id).setWithdraws(of.getSubmissionId()).setValue(0).setNote(null)
        .setWithheld(false).setLine(1).setRevision(revision).setReceivedAt(Instant.now()).build();
  }

  private void migrate(String target) {
    var config = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    (target == null ? config : config.target(target)).load().migrate();
  }

  private static IndicatorObservation observation(String period, String partner, double value, long revision) {
    return IndicatorObservation.newBuilder().setProgramme("leeuwarden-oost").setIndicator(INDICATOR)
        .setWijk("bilgaard").setPeriod(period).setValue(value).setPartner(partner)
        .setSubmissionId(UUID.randomUUID().toString()).setLine(2).setRevision(revision)
        .setReceivedAt(Instant.now()).build();
  }
}
