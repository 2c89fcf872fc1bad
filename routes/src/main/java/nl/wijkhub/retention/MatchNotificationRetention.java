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

/**
 * Deletes the match notification ledger's pairs ({@code match_notification}) of a covenant and data-key period
 * once the covenant's retention for that period ends, when {@link SignalKeyRetention} destroys the period's key: a
 * pair holds ids only, but it links two signals about one person. Each deletion is a processing-log step
 * ({@value InboxStatusRetention#STEP}), logged and confirmed before the rows go; a crash in between deletes them on
 * the next run (and logs again).
 */
public final class MatchNotificationRetention implements Purge {

  private static final Logger LOG = LoggerFactory.getLogger(MatchNotificationRetention.class);

  private final CovenantPeriods periods;
  private final ProcessingLog log;
  private final JdbcTemplate jdbc;

  MatchNotificationRetention(CovenantPeriods periods, ProcessingLog log, DataSource dataSource) {
    this.periods = periods;
    this.log = log;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public String area() {
    return "match notifications";
  }

  @Override
  public int purge(Instant now) {
    return periods.purgeExpired(keptPeriods(), now, log, InboxStatusRetention.STEP, expired -> {
      int rows = jdbc.update("DELETE FROM match_notification WHERE covenant_id = ? AND key_period = ?",
          expired.covenant(), expired.period().toString());
      // Neither the covenant nor the period names a person; the signal ids stay out of the log.
      LOG.info("Retention: deleted {} match notification rows of covenant {} for {}", rows, expired.covenant(),
          expired.period());
      return rows;
    });
  }

  private List<CovenantPeriod> keptPeriods() {
    List<CovenantPeriod> kept = new ArrayList<>();
    jdbc.query("SELECT DISTINCT covenant_id, key_period FROM match_notification", row -> {
      kept.add(new CovenantPeriod(row.getString(1), YearMonth.parse(row.getString(2))));
    });
    return kept;
  }

}
