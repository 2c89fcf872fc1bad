package nl.wijkhub.monitoring;

import java.util.List;
import javax.sql.DataSource;
import nl.wijkhub.completeness.Arrivals;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.publish.ReceiptLedger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Arrivals from the store's history, which keeps every value ever stored: per partner, indicator, period and
 * delivery the time the hub received it. The store keeps no channel, so the channel is the delivery's receipt's;
 * a delivery whose receipt the ledger no longer knows shows as {@link #UNKNOWN_CHANNEL}. A value whose delivery
 * was withdrawn has not arrived: the partner still owes it, unless an earlier delivery of it stands.
 */
final class StoreArrivals implements Arrivals {

  static final String UNKNOWN_CHANNEL = "onbekend";

  private static final String QUERY = "SELECT partner, indicator, period, submission_id, MIN(received_at) AS at"
      + " FROM observation_history h WHERE programme = ? AND NOT EXISTS (SELECT 1 FROM withdrawn_delivery w"
      + " WHERE w.submission_id = h.submission_id)"
      + " GROUP BY partner, indicator, period, submission_id";

  private final JdbcTemplate jdbc;
  private final ReceiptLedger receipts;

  StoreArrivals(DataSource dataSource, ReceiptLedger receipts) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.receipts = receipts;
  }

  @Override
  public List<Arrival> arrivals(String programme) {
    return jdbc.query(QUERY, (row, n) -> new Arrival(row.getString("partner"), row.getString("indicator"),
        row.getString("period"), row.getTimestamp("at").toInstant(), channel(row.getString("submission_id"))),
        programme);
  }

  private String channel(String submissionId) {
    return receipts.receipt(submissionId).map(SubmissionReceipt::getChannel).orElse(UNKNOWN_CHANNEL);
  }
}
