package nl.wijkhub.monitoring;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many rows the store holds of each of a partner's deliveries, from its history (one row per delivered line,
 * whether or not a later revision replaced it), so a receipt's accepted count can be checked against the store.
 */
public final class StoreRowCounts {

  private static final String QUERY = "SELECT submission_id, COUNT(*) AS stored FROM observation_history"
      + " WHERE partner = ? GROUP BY submission_id";

  private final JdbcTemplate jdbc;

  StoreRowCounts(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Per submission id of the partner, the rows stored; a delivery with none is absent. */
  public Map<String, Long> perDelivery(String partner) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query(QUERY, row -> {
      counts.put(row.getString("submission_id"), row.getLong("stored"));
    }, partner);
    return counts;
  }
}
