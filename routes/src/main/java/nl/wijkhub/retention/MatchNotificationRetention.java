package nl.wijkhub.retention;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.wijkhub.covenant.CovenantVersion;
import nl.wijkhub.privacy.ProcessingLog;
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
    int deleted = 0;
    for (CovenantPeriod kept : keptPeriods()) {
      List<CovenantVersion> versions = periods.validIn(kept.covenant(), kept.period());
      if (versions.isEmpty() || now.isBefore(CovenantPeriods.expiry(kept.period(), versions))) {
        continue;
      }
      CovenantPeriods.logStep(log, InboxStatusRetention.STEP, now, versions.get(versions.size() - 1));
      int rows = jdbc.update("DELETE FROM match_notification WHERE covenant_id = ? AND key_period = ?",
          kept.covenant(), kept.period().toString());
      // Neither the covenant nor the period names a person; the signal ids stay out of the log.
      LOG.info("Retention: deleted {} match notification rows of covenant {} for {}", rows, kept.covenant(),
          kept.period());
      deleted += rows;
    }
    return deleted;
  }

  private record CovenantPeriod(String covenant, YearMonth period) {}

  private List<CovenantPeriod> keptPeriods() {
    List<CovenantPeriod> kept = new ArrayList<>();
    jdbc.query("SELECT DISTINCT covenant_id, key_period FROM match_notification", row -> {
      kept.add(new CovenantPeriod(row.getString(1), YearMonth.parse(row.getString(2))));
    });
    return kept;
  }

}
