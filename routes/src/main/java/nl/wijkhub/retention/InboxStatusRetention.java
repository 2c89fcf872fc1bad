package nl.wijkhub.retention;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.retention.CovenantPeriods.CovenantPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the MultiTeam inbox's status rows ({@code inbox_item_status}, {@code inbox_status_change}) of a covenant
 * and data-key period once the covenant's retention for that period ends, when {@link SignalKeyRetention} destroys
 * the period's key: the rows hold ids and members' login names only, but they are the last trace of items that are
 * gone. Each deletion is a processing-log step ({@value #STEP}), logged and confirmed before the rows go; a crash in
 * between deletes them on the next run (and logs again).
 */
public final class InboxStatusRetention implements Purge {

  static final String STEP = "verwijderd";
  private static final Logger LOG = LoggerFactory.getLogger(InboxStatusRetention.class);

  private final CovenantPeriods periods;
  private final ProcessingLog log;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  InboxStatusRetention(CovenantPeriods periods, ProcessingLog log, DataSource dataSource,
      TransactionTemplate transaction) {
    this.periods = periods;
    this.log = log;
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = transaction;
  }

  @Override
  public String area() {
    return "inbox statuses";
  }

  @Override
  public int purge(Instant now) {
    return periods.purgeExpired(keptPeriods(), now, log, STEP, expired -> {
      Integer rows = transaction.execute(status -> delete(expired));
      // Neither the covenant nor the period names a person; the item ids stay out of the log.
      LOG.info("Retention: deleted {} inbox status rows of covenant {} for {}", rows, expired.covenant(),
          expired.period());
      return rows;
    });
  }

  private List<CovenantPeriod> keptPeriods() {
    List<CovenantPeriod> kept = new ArrayList<>();
    jdbc.query("SELECT covenant_id, key_period FROM inbox_item_status UNION SELECT covenant_id, key_period FROM"
        + " inbox_status_change", row -> {
          kept.add(new CovenantPeriod(row.getString(1), YearMonth.parse(row.getString(2))));
        });
    return kept;
  }

  private int delete(CovenantPeriod kept) {
    String period = kept.period().toString();
    return jdbc.update("DELETE FROM inbox_status_change WHERE covenant_id = ? AND key_period = ?", kept.covenant(),
        period) + jdbc.update("DELETE FROM inbox_item_status WHERE covenant_id = ? AND key_period = ?",
        kept.covenant(), period);
  }

}
