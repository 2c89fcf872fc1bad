package nl.wijkhub.connectors.monitoring;

import java.util.List;

/**
 * The figure of one key: the sum of every partner's latest value, with what each partner delivered.
 *
 * @param partners one current value per partner, ordered by partner id
 */
public record Figure(FigureKey key, double total, List<StoredObservation> partners) {}
