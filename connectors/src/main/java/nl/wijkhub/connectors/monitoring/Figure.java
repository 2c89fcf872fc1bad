package nl.wijkhub.connectors.monitoring;

import java.util.List;

/**
 * The figure of one key: the sum of every partner's latest value, with what each partner delivered.
 *
 * @param total the sum of the exactly known values
 * @param withheldParts how many partners withheld their value at source; each adds 1 to 4 to {@code total}
 * @param partners one current value per partner, ordered by partner id
 */
public record Figure(FigureKey key, double total, int withheldParts, List<StoredObservation> partners) {}
