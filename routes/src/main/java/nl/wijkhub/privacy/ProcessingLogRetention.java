package nl.wijkhub.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges the processing log past its own retention, as the retention role: the access records and processing
 * records that started before the cut-off, in one transaction. Then the pseudonym key versions that no remaining
 * record can carry are destroyed ({@link Pseudonyms#deleteVersionsUnusedSince}): until then an access request must
 * still find those records from a BSN.
 */
public final class ProcessingLogRetention implements AutoCloseable {

  /** What one run removed; counts and key versions only. */
  public record Purged(int processingRecords, int accessRecords, List<String> pseudonymVersions) {}

  private final DataSource retentionRole;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Pseudonyms pseudonyms;
  private final LogRetentionSettings settings;

  /** {@code retentionRole} connects as a member of the retention role; the hub's own DataSource cannot delete. */
  public ProcessingLogRetention(DataSource retentionRole, Pseudonyms pseudonyms, LogRetentionSettings settings) {
    this.retentionRole = retentionRole;
    this.jdbc = new JdbcTemplate(retentionRole);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(retentionRole));
    this.pseudonyms = pseudonyms;
    this.settings = settings;
  }

  public Purged purge(Instant now, Collection<String> covenantIds) {
    Timestamp cutoff = Timestamp.from(now.atOffset(ZoneOffset.UTC).minus(settings.keep()).toInstant());
    int[] removed = transaction.execute(status -> new int[] {
        jdbc.update("DELETE FROM access_record WHERE span_id IN (SELECT span_id FROM processing_record"
            + " WHERE start_time < ?)", cutoff),
        jdbc.update("DELETE FROM processing_record WHERE start_time < ?", cutoff)});
    Timestamp oldest = jdbc.queryForObject("SELECT min(start_time) FROM processing_record", Timestamp.class);
    Instant oldestKept = oldest == null ? now : oldest.toInstant();
    List<String> destroyed = covenantIds.stream().flatMap(covenant -> pseudonyms
        .deleteVersionsUnusedSince(covenant, oldestKept).stream().map(version -> covenant + "/" + version)).toList();
    return new Purged(removed[1], removed[0], destroyed);
  }

  /** Closes the role's pool when it is one. */
  @Override
  public void close() throws Exception {
    if (retentionRole instanceof AutoCloseable pool) {
      pool.close();
    }
  }
}
