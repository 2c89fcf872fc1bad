/**
 * The yearly report "Wat is bereikt": per programme and year the table of pillars, interventions, intended
 * outcomes, realised output, targets and status, filled from the {@link nl.wijkhub.dashboard.FigureSource} and
 * exported as CSV and XLSX. The public version hides small numbers like the dashboard does; the internal version
 * for programme staff does not, and says so on every sheet. Text is neutralised against spreadsheet formulas.
 */
package nl.wijkhub.report;
