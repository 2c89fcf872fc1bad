package nl.wijkhub.connectors.monitoring;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.wijkhub.events.IndicatorObservation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes observations idempotently and answers queries on current values. Standard SQL {@code MERGE} keeps one
 * statement set for PostgreSQL and H2: history rows are inserted once per (submission, line), and the current row
 * of a key is replaced only by a higher (revision, line), so replays and out-of-order arrivals change nothing.
 */
public class ObservationStore {

  private static final String COLUMNS =
      "programme, indicator, wijk, period, observed, note, partner, submission_id, line, revision, received_at";
  /** Typed placeholders: PostgreSQL cannot infer parameter types inside VALUES. */
  private static final String SOURCE = "USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(128)),"
      + " CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(16)), CAST(? AS DOUBLE PRECISION), CAST(? AS VARCHAR(500)),"
      + " CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS BIGINT), CAST(? AS BIGINT),"
      + " CAST(? AS TIMESTAMP))) AS s(" + COLUMNS + ")";
  private static final String SOURCE_VALUES = "s.programme, s.indicator, s.wijk, s.period, s.observed, s.note,"
      + " s.partner, s.submission_id, s.line, s.revision, s.received_at";

  private static final String MERGE_HISTORY = "MERGE INTO observation_history h " + SOURCE
      + " ON h.submission_id = s.submission_id AND h.line = s.line"
      + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (" + SOURCE_VALUES + ")";

  private static final String MERGE_CURRENT = "MERGE INTO observation_current c " + SOURCE
      + " ON c.programme = s.programme AND c.indicator = s.indicator AND c.wijk = s.wijk AND c.period = s.period"
      + " WHEN MATCHED AND (s.revision > c.revision OR (s.revision = c.revision AND s.line > c.line)) THEN UPDATE SET"
      + " observed = s.observed, note = s.note, partner = s.partner, submission_id = s.submission_id,"
      + " line = s.line, revision = s.revision, received_at = s.received_at"
      + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (" + SOURCE_VALUES + ")";

  private static final String SELECT = "SELECT " + COLUMNS + " FROM ";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public ObservationStore(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** Stores a batch in one database transaction: all of it or, on failure, none (the consumer then retries). */
  public void store(List<IndicatorObservation> batch) {
    if (batch.isEmpty()) {
      return;
    }
    transaction.executeWithoutResult(status -> {
      jdbc.batchUpdate(MERGE_HISTORY, batch, batch.size(), ObservationStore::bind);
      jdbc.batchUpdate(MERGE_CURRENT, batch, batch.size(), ObservationStore::bind);
    });
  }

  public List<StoredObservation> current(ObservationQuery query) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder(SELECT).append("observation_current WHERE 1 = 1");
    filter(sql, args, "programme", query.programme());
    filter(sql, args, "indicator", query.indicator());
    filter(sql, args, "wijk", query.wijk());
    filter(sql, args, "period", query.period());
    sql.append(" ORDER BY programme, indicator, wijk, period");
    return jdbc.query(sql.toString(), ObservationStore::map, args.toArray());
  }

  /** Every stored value of one key, oldest revision first. */
  public List<StoredObservation> history(String programme, String indicator, String wijk, String period) {
    return jdbc.query(SELECT + "observation_history WHERE programme = ? AND indicator = ? AND wijk = ? AND period = ?"
            + " ORDER BY revision, line", ObservationStore::map, programme, indicator, wijk, period);
  }

  private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
    if (value != null && !value.isBlank()) {
      sql.append(" AND ").append(column).append(" = ?");
      args.add(value);
    }
  }

  private static void bind(PreparedStatement ps, IndicatorObservation o) throws SQLException {
    ps.setString(1, o.getProgramme());
    ps.setString(2, o.getIndicator());
    ps.setString(3, o.getWijk());
    ps.setString(4, o.getPeriod());
    ps.setDouble(5, o.getValue());
    if (o.getNote() == null) {
      ps.setNull(6, Types.VARCHAR);
    } else {
      ps.setString(6, o.getNote());
    }
    ps.setString(7, o.getPartner());
    ps.setString(8, o.getSubmissionId());
    ps.setLong(9, o.getLine());
    ps.setLong(10, o.getRevision());
    ps.setTimestamp(11, Timestamp.from(o.getReceivedAt()));
  }

  private static StoredObservation map(ResultSet rs, int row) throws SQLException {
    return new StoredObservation(rs.getString("programme"), rs.getString("indicator"), rs.getString("wijk"),
        rs.getString("period"), rs.getDouble("observed"), rs.getString("note"), rs.getString("partner"),
        rs.getString("submission_id"), rs.getLong("line"), rs.getLong("revision"),
        rs.getTimestamp("received_at").toInstant());
  }
}
