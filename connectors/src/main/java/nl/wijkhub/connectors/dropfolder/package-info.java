/**
 * The drop-folder layout a partner sees: {@code inbox/<partner>/} to deliver, {@code outbox/<partner>/} for receipts,
 * {@code archive/<partner>/<submission>/} for what was ingested and {@code quarantine/} for what could not be read,
 * always with a reason file.
 */
package nl.wijkhub.connectors.dropfolder;
