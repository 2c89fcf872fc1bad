package nl.wijkhub.connectors.monitoring;

import java.time.Instant;

/**
 * One value as the store holds it: the current value of a key, or one entry of its history.
 *
 * @param withheld true when the partner withheld the value at source ("&lt;5": 1 to 4); {@code value} is then 0
 */
public record StoredObservation(
    String programme,
    String indicator,
    String wijk,
    String period,
    double value,
    String note,
    String partner,
    String submissionId,
    long line,
    long revision,
    Instant receivedAt,
    boolean withheld) {}
