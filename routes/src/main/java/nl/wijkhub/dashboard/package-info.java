/**
 * The dashboard's logic: what a figure is worth for a period ({@link nl.wijkhub.dashboard.FigureSource}, the read
 * model the monitoring store is wired to), how far an indicator is from its target ({@link
 * nl.wijkhub.dashboard.StatusRule}) and which counts a published table must hide ({@link
 * nl.wijkhub.dashboard.Suppression}). Pure logic without Spring or Camel, so that the pages, the yearly report and
 * the API all show the same status and the same protected numbers.
 */
package nl.wijkhub.dashboard;
