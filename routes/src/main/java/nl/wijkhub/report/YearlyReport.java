package nl.wijkhub.report;

import java.util.List;
import nl.wijkhub.dashboard.Count;
import nl.wijkhub.dashboard.Shown;
import nl.wijkhub.dashboard.Status;

/**
 * The table "Wat is bereikt" of one programme for one year.
 *
 * @param internal true for the staff version without suppression of small numbers
 * @param threshold counts below it are shown as "&lt;threshold" in the public version
 */
public record YearlyReport(String programme, String programmeName, int year, boolean internal, int threshold,
    List<Row> rows) {

  public YearlyReport {
    rows = List.copyOf(rows);
  }

  /** The notice every page or sheet of the report carries, so that a copy never passes for the other version. */
  public String notice() {
    return internal
        ? "INTERN - niet openbaar maken: deze versie toont ook kleine aantallen (onder " + threshold + ")."
        : "Openbare versie: aantallen van 1 tot " + threshold + " staan als <" + threshold + "; × is afgeschermd"
            + " zodat geen klein aantal uit andere cijfers volgt.";
  }

  /**
   * One indicator of the table.
   *
   * @param number pillar number and position, e.g. {@code 4.1}
   * @param realised the figure for the year, or null when none was delivered
   * @param shown what the reader may see of it (always {@link Shown#VALUE} in the internal version)
   * @param wholeProgramme true when the figure was delivered for the whole programme, false when it is the sum of
   *     the wijken
   * @param target the streefwaarde, or null
   * @param targetPeriod the period the streefwaarde is for, or null
   */
  public record Row(String number, String pillar, String intervention, String intendedOutcome, String indicator,
      String description, String unit, Count realised, Shown shown, boolean wholeProgramme, Double target,
      String targetPeriod, Status status) {}
}
