package nl.wijkhub.multiteam.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whom the hub told about whom, per match (table {@code match_notification}: ids only), so that a restart, a
 * replayed match revision or a further supplier tells nobody twice. A notification's pairs are written together
 * once the SMTP server accepted its mail; a pair already there is left as it is, so recording twice is harmless.
 */
final class JdbcNotificationLedger {

  private static final String TOLD = "SELECT told_signal_id, counterpart_signal_id FROM match_notification"
      + " WHERE match_id = ?";
  private static final String RECORD = "MERGE INTO match_notification n"
      + " USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP)))"
      + " AS s(match_id, told_signal_id, counterpart_signal_id, notified_at)"
      + " ON n.match_id = s.match_id AND n.told_signal_id = s.told_signal_id"
      + " AND n.counterpart_signal_id = s.counterpart_signal_id"
      + " WHEN NOT MATCHED THEN INSERT (match_id, told_signal_id, counterpart_signal_id, notified_at)"
      + " VALUES (s.match_id, s.told_signal_id, s.counterpart_signal_id, s.notified_at)";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  JdbcNotificationLedger(DataSource dataSource, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.clock = clock;
  }

  Set<NotificationPlanner.Told> told(String matchId) {
    Set<NotificationPlanner.Told> told = new HashSet<>();
    jdbc.query(TOLD, row -> {
      told.add(new NotificationPlanner.Told(row.getString(1), row.getString(2)));
    }, matchId);
    return told;
  }

  void record(MatchNotification notification) {
    Timestamp now = Timestamp.from(clock.instant());
    transaction.executeWithoutResult(status -> notification.counterparts().forEach(other -> jdbc.update(RECORD,
        notification.matchId(), notification.told().signalId(), other.signalId(), now)));
  }
}
