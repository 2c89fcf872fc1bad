package nl.wijkhub.reference;

import java.util.List;

/**
 * An output indicator of a programme. {@code deliveredBy} lists the partners allowed to report it; an entry ending
 * in {@code *} is a prefix ({@code ikc-*} covers all plus-IKC's). {@code realised} is the figure from the latest
 * annual report, {@code target} the streefwaarde when the programme set one.
 */
public record Indicator(
    String code,
    String programme,
    String name,
    String pillar,
    String intervention,
    String unit,
    List<String> deliveredBy,
    Figure realised,
    Figure target,
    String source) {

  /** A value for a period, e.g. 1521 in 2024. */
  public record Figure(String period, double value) {}

  public Indicator {
    deliveredBy = deliveredBy == null ? List.of() : List.copyOf(deliveredBy);
  }

  public boolean deliverableBy(String partnerId) {
    // Asked for every row of a delivery: a loop, without a stream's garbage.
    for (String pattern : deliveredBy) {
      if (pattern.endsWith("*") ? partnerId.startsWith(pattern.substring(0, pattern.length() - 1))
          : partnerId.equals(pattern)) {
        return true;
      }
    }
    return false;
  }
}
