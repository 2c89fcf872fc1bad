/**
 * The one normalisation path every channel converges on ({@code direct:normalise-counts}): read a delivery (CSV, JSON
 * or the first sheet of an .xlsx workbook, streamed), validate each row against the reference data, publish valid
 * rows, rejections and the receipt in one Kafka transaction, and render the receipt for the partner. No channel parses
 * or validates on its own.
 */
package nl.wijkhub.normalise;
