package nl.wijkhub.multiteam.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.MatchStatus;
import nl.wijkhub.events.MatchedSignal;
import nl.wijkhub.events.SignalContent;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger on the embedded store's migrated schema: a pair told through one recipient's copy of a match (its own
 * match id) counts for every other copy of that match, so that a covenant with two recipients mails nobody twice;
 * each pair keeps the earlier data-key period of its two signals, which the retention job deletes it by.
 */
class JdbcNotificationLedgerTest {

  private static final String COVENANT = "pmg-leeuwarden-oost";

  private final JdbcDataSource dataSource = migrated();
  private final JdbcNotificationLedger ledger = new JdbcNotificationLedger(dataSource,
      Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));
  private final NotificationPlanner planner = new NotificationPlanner(partner -> partner);

  @Test
  void aPairToldThroughOneRecipientsCopyIsNotToldAgainThroughAnothers() {
    Map<String, SignalContent> contacts = Map.of(
        "s-politie", contact("agent@politie.example"), "s-school", contact("mentor@ikc.example"));
    List<String> signals = List.of("s-politie", "s-school");
    List<MatchNotification> first = planner.plan(copy("match-a", "pmg-multiteam"), contacts, "Convenant PmG", 2,
        ledger.told(COVENANT, signals));
    first.forEach(ledger::record);

    assertThat(first).hasSize(2);
    assertThat(planner.plan(copy("match-b", "tweede-ontvanger"), contacts, "Convenant PmG", 2,
        ledger.told(COVENANT, signals))).as("the other recipient's copy of the same match").isEmpty();
    assertThat(ledger.told("svn-casusoverleg", signals)).as("another covenant's pairs").isEmpty();
  }

  @Test
  void eachPairKeepsTheEarlierPeriodOfItsTwoSignals() {
    planner.plan(copy("match-a", "pmg-multiteam"), Map.of("s-politie", contact("agent@politie.example")),
        "Convenant PmG", 2, ledger.told(COVENANT, List.of("s-politie", "s-school"))).forEach(ledger::record);

    assertThat(new JdbcTemplate(dataSource).queryForList("SELECT covenant_id, told_signal_id, counterpart_signal_id,"
        + " match_id, key_period FROM match_notification")).singleElement().isEqualTo(Map.of(
            "COVENANT_ID", COVENANT, "TOLD_SIGNAL_ID", "s-politie", "COUNTERPART_SIGNAL_ID", "s-school",
            "MATCH_ID", "match-a", "KEY_PERIOD", "2026-01"));
  }

  private static Match copy(String matchId, String recipient) {
    return Match.newBuilder().setMatchId(matchId).setStatus(MatchStatus.OPEN).setRevision(1)
        .setCovenantId(COVENANT).setRecipient(recipient).setPseudonym("v1:p")
        .setSignals(List.of(signal("s-politie", "politie-leeuwarden-oost", LocalDate.of(2026, 1, 20)),
            signal("s-school", "ikc-1", LocalDate.of(2026, 2, 3))))
        .setOpenUntil(LocalDate.of(2026, 8, 3)).setUpdatedAt(Instant.parse("2026-03-02T09:00:00Z")).build();
  }

  private static MatchedSignal signal(String id, String supplier, LocalDate date) {
    return MatchedSignal.newBuilder().setSignalId(id).setSupplier(supplier).setSignalDate(date)
        .setKeyPeriod(date.toString().substring(0, 7)).setContact(null).build();
  }

  private static SignalContent contact(String address) {
    return SignalContent.newBuilder().setProfessionalName("Professional").setProfessionalContact(address).build();
  }

  private static JdbcDataSource migrated() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/privacy/h2").load().migrate();
    return dataSource;
  }
}
