package nl.wijkhub.dashboard;

import java.util.List;

/**
 * The read model the dashboard, the yearly report and the completeness matrix read: per indicator, wijk and period
 * the current figure with what each partner delivered (each partner's latest revision; the figure is their sum).
 * The monitoring store implements it; tests fill it by hand.
 */
public interface FigureSource {

  /** Every current figure of a programme, in no particular order. */
  List<Figure> figures(String programme);

  /**
   * One figure: the value of an indicator in a wijk ({@link #WHOLE_PROGRAMME} for a figure delivered for the whole
   * programme) for a period ({@code 2024}, {@code 2024-Q3}, {@code 2024-09}), with each partner's part.
   */
  record Figure(String programme, String indicator, String wijk, String period, List<PartnerPart> parts) {

    /** The wijk of a figure delivered for the programme as a whole, as in partners.yaml's working area. */
    public static final String WHOLE_PROGRAMME = "*";

    public Figure {
      if (parts.isEmpty()) {
        throw new IllegalArgumentException("A figure has at least one partner's part");
      }
      parts = List.copyOf(parts);
    }

    /** The sum over partners; a range when a partner withheld its value at source. */
    public Count value() {
      return parts.stream().map(PartnerPart::value).reduce(Count::plus).orElseThrow();
    }

    public boolean wholeProgramme() {
      return WHOLE_PROGRAMME.equals(wijk);
    }
  }

  /** What one partner delivered for a figure: its latest revision. */
  record PartnerPart(String partner, Count value) {}
}
