package nl.wijkhub.privacy;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The processing log's own retention, longer than any covenant's: the log holds pseudonyms only and must still
 * answer for what happened after the signals themselves were crypto-shredded. The purge connects as a database role
 * of its own, the only one the log's migration lets delete; the hub's own role never can.
 *
 * @param keep how long a log record is kept, counted from its start time (e.g. P7Y)
 * @param url JDBC URL of the processing log's database for the purge; empty: the log is never purged by this hub
 *     (the embedded default, and every hub that leaves the purge to a DBA's own job)
 * @param username a login role that is a member of the retention role ({@code WIJKHUB_RETENTION_DB_ROLE})
 * @param password its password; from the environment or a secret store
 * @param interval how often the purge runs
 */
@Validated
@ConfigurationProperties("wijkhub.processing-log-retention")
public record LogRetentionSettings(@NotNull Period keep, String url, String username, String password,
    @NotNull Duration interval) {

  public boolean enabled() {
    return url != null && !url.isBlank();
  }
}
