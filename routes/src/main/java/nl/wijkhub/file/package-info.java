/**
 * Channel: the local drop folder. Picks up complete files from {@code inbox/<partner>/}, hands them to the one
 * normalisation path, and ends each with a receipt in the outbox and the file in the archive, or in quarantine with
 * a reason. A file leaves the inbox only after Kafka acknowledged all of it.
 */
package nl.wijkhub.file;
