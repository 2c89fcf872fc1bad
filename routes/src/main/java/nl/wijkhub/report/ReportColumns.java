package nl.wijkhub.report;

import java.util.List;

/** The columns of the exported table, one list for CSV and XLSX. */
final class ReportColumns {

  static final List<String> HEADERS = List.of("Nr", "Pijler", "Interventie", "Beoogde doelstelling (outcome)",
      "Indicator", "Realisatie (output)", "Eenheid", "Gerealiseerd", "Basis", "Streefwaarde", "Streefperiode",
      "Status");

  /** Index of "Gerealiseerd" and "Streefwaarde", written as numbers in XLSX when they are plain numbers. */
  static final int REALISED = 7;
  static final int TARGET = 9;

  private ReportColumns() {}

  /** A row's cells as text, neutralised. */
  static List<String> cells(YearlyReport report, YearlyReport.Row row) {
    return List.of(row.number(), row.pillar(), row.intervention(), row.intendedOutcome(), row.indicator(),
        row.description(), row.unit(), CellText.figure(row.realised(), row.shown(), report.threshold()),
        CellText.basis(row), row.target() == null ? "" : CellText.number(row.target()),
        row.targetPeriod() == null ? "" : row.targetPeriod(), row.status().label())
        .stream().map(CellText::neutralise).toList();
  }

  static String title(YearlyReport report) {
    return "Wat is bereikt - " + report.programmeName() + " " + report.year();
  }
}
