package nl.wijkhub.reminders;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.wijkhub.completeness.ReminderDigest;
import nl.wijkhub.completeness.ReminderLedger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder ledger in the hub's database (table {@code reminder_ledger}), so that it outlives a restart. A
 * digest's keys are written together, and a key already there is left as it is, so recording twice is harmless.
 */
final class JdbcReminderLedger implements ReminderLedger {

  private static final String SENT = "SELECT COUNT(*) FROM reminder_ledger WHERE reminder_key = ?";
  private static final String RECORD = "MERGE INTO reminder_ledger l"
      + " USING (VALUES (CAST(? AS VARCHAR), CAST(? AS TIMESTAMP))) AS s(reminder_key, sent_at)"
      + " ON l.reminder_key = s.reminder_key"
      + " WHEN NOT MATCHED THEN INSERT (reminder_key, sent_at) VALUES (s.reminder_key, s.sent_at)";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  JdbcReminderLedger(DataSource dataSource, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.clock = clock;
  }

  @Override
  public boolean sent(String key) {
    Integer count = jdbc.queryForObject(SENT, Integer.class, key);
    return count != null && count > 0;
  }

  @Override
  public void record(ReminderDigest digest) {
    List<String> keys = new ArrayList<>(digest.reminderKeys());
    keys.add(digest.key());
    Timestamp now = Timestamp.from(clock.instant());
    transaction.executeWithoutResult(status -> keys.forEach(key -> jdbc.update(RECORD, key, now)));
  }
}
