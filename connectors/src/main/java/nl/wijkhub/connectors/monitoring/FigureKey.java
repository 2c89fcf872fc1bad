package nl.wijkhub.connectors.monitoring;

/** What one figure is about: programme, indicator, wijk and period; figures are listed in this order. */
public record FigureKey(String programme, String indicator, String wijk, String period) {}
