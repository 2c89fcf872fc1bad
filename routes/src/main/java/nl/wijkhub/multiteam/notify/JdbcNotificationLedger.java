package nl.wijkhub.multiteam.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whom the hub told about whom (table {@code match_notification}: ids only), so that a restart, a replayed match
 * revision, a further supplier or another recipient's copy of the same match tells nobody twice. A pair is one
 * professional (by signal) told of another (by signal) under a covenant, whichever copy of the match told it. A
 * notification's pairs are written together once the SMTP server accepted its mail; a pair already there is left as
 * it is, so recording twice is harmless. Each pair keeps the earlier data-key period of its two signals: the
 * retention job deletes it when that period's retention ends (retention/MatchNotificationRetention); from then on
 * the match's contacts no longer open, so nobody can be told again.
 */
final class JdbcNotificationLedger {

  private static final String TOLD = "SELECT told_signal_id, counterpart_signal_id FROM match_notification"
      + " WHERE covenant_id = :covenant AND told_signal_id IN (:signals)";
  private static final String RECORD = "MERGE INTO match_notification n"
      + " USING (VALUES (CAST(:covenant AS VARCHAR), CAST(:told AS VARCHAR), CAST(:counterpart AS VARCHAR),"
      + " CAST(:match AS VARCHAR), CAST(:period AS VARCHAR), CAST(:at AS TIMESTAMP)))"
      + " AS s(covenant_id, told_signal_id, counterpart_signal_id, match_id, key_period, notified_at)"
      + " ON n.covenant_id = s.covenant_id AND n.told_signal_id = s.told_signal_id"
      + " AND n.counterpart_signal_id = s.counterpart_signal_id"
      + " WHEN NOT MATCHED THEN INSERT (covenant_id, told_signal_id, counterpart_signal_id, match_id, key_period,"
      + " notified_at)"
      + " VALUES (s.covenant_id, s.told_signal_id, s.counterpart_signal_id, s.match_id, s.key_period, s.notified_at)";

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  JdbcNotificationLedger(DataSource dataSource, Clock clock) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.clock = clock;
  }

  /** The pairs recorded under the covenant whose told professional's signal is one of {@code signalIds}. */
  Set<NotificationPlanner.Told> told(String covenantId, Collection<String> signalIds) {
    Set<NotificationPlanner.Told> told = new HashSet<>();
    if (signalIds.isEmpty()) {
      return told;
    }
    jdbc.query(TOLD, Map.of("covenant", covenantId, "signals", signalIds), row -> {
      told.add(new NotificationPlanner.Told(row.getString(1), row.getString(2)));
    });
    return told;
  }

  void record(MatchNotification notification) {
    Timestamp now = Timestamp.from(clock.instant());
    transaction.executeWithoutResult(status -> notification.counterparts().forEach(other -> jdbc.update(RECORD,
        Map.of("covenant", notification.covenantId(), "told", notification.told().signalId(),
            "counterpart", other.signalId(), "match", notification.matchId(),
            "period", earlier(notification.told().keyPeriod(), other.keyPeriod()), "at", now))));
  }

  /** Periods are yyyy-MM, so the text order is the time order. */
  private static String earlier(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
