package nl.wijkhub.connectors.monitoring;

import java.util.List;

/**
 * One page of figures.
 *
 * @param next the key to continue after, or null on the last page
 */
public record FigurePage(List<Figure> figures, FigureKey next) {}
