package nl.wijkhub.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.wijkhub.events.AccessRecord;
import nl.wijkhub.events.ProcessingRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The processing log materialised in the database, append-only: rows are only ever inserted (a replayed record is
 * skipped, by span id), never updated or deleted by the hub. On PostgreSQL the migration enforces this for the
 * hub's role; the retention job deletes with a role of its own.
 */
public class ProcessingLogStore {

  private static final String INSERT_RECORD = "INSERT INTO processing_record (span_id, trace_id, parent_span_id,"
      + " name, start_time, end_time, status, processing_activity_id, organisation, data_subject_id,"
      + " data_subject_id_type, covenant_id, covenant_version, signal_id, reason_code)"
      + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
      + " (SELECT 1 FROM processing_record WHERE span_id = ?)";
  private static final String INSERT_ACCESS = "INSERT INTO access_record (span_id, trace_id, acting_person, role,"
      + " organisation, accessed_at) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
      + " (SELECT 1 FROM access_record WHERE span_id = ?)";

  /** One stored step about a data subject, as the privacy officer's access request lists it. */
  public record Step(Instant startTime, String name, String organisation, String covenantId,
      Integer covenantVersion, String processingActivityId, String signalId) {}

  private static final String STEPS_ABOUT = "SELECT start_time, name, organisation, covenant_id, covenant_version,"
      + " processing_activity_id, signal_id FROM processing_record WHERE data_subject_id IN (%s)"
      + " AND covenant_id IN (%s) ORDER BY start_time, trace_id";

  private final JdbcTemplate jdbc;

  public ProcessingLogStore(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public void storeRecords(List<ProcessingRecord> records) {
    jdbc.batchUpdate(INSERT_RECORD, records.stream().map(r -> new Object[] {r.getSpanId(), r.getTraceId(),
        r.getParentSpanId(), r.getName(), Timestamp.from(r.getStartTime()), Timestamp.from(r.getEndTime()),
        r.getStatus().name(), r.getProcessingActivityId(), r.getOrganisation(), r.getDataSubjectId(),
        r.getDataSubjectIdType(), r.getCovenantId(), r.getCovenantVersion(), r.getSignalId(), r.getReasonCode(),
        r.getSpanId()}).toList());
  }

  /**
   * The steps recorded under these covenants about a subject known by any of these pseudonyms, oldest first. Steps
   * outside a covenant (such as the access requests themselves) are not listed.
   */
  public List<Step> stepsAbout(Collection<String> pseudonyms, Collection<String> covenantIds) {
    if (pseudonyms.isEmpty() || covenantIds.isEmpty()) {
      return List.of();
    }
    String sql = STEPS_ABOUT.formatted(placeholders(pseudonyms.size()), placeholders(covenantIds.size()));
    Object[] arguments = Stream.concat(pseudonyms.stream(), covenantIds.stream()).toArray();
    return jdbc.query(sql, (row, i) -> new Step(row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3),
        row.getString(4), (Integer) row.getObject(5), row.getString(6), row.getString(7)), arguments);
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  public void storeAccesses(List<AccessRecord> accesses) {
    jdbc.batchUpdate(INSERT_ACCESS, accesses.stream().map(a -> new Object[] {a.getSpanId(), a.getTraceId(),
        a.getActingPerson(), a.getRole(), a.getOrganisation(), Timestamp.from(a.getAccessedAt()), a.getSpanId()})
        .toList());
  }
}
