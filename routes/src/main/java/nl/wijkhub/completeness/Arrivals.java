package nl.wijkhub.completeness;

import java.time.Instant;
import java.util.List;

/**
 * The read model of what partners delivered: per partner, indicator and period when the figure first arrived and
 * through which channel (folder, sftp, e-mail, api). The monitoring store and the receipts implement it.
 */
public interface Arrivals {

  /** Every arrival in a programme; several for one key are allowed, the earliest counts. */
  List<Arrival> arrivals(String programme);

  record Arrival(String partner, String indicator, String period, Instant at, String channel) {}
}
