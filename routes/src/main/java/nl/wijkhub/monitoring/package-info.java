/**
 * Consumer: the monitoring store. Reads committed observations from Kafka into the store (idempotent, latest
 * revision wins) and serves current values with their targets at {@code /api/v1/observations}.
 */
package nl.wijkhub.monitoring;
