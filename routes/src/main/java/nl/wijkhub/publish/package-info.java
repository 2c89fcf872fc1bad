/**
 * Kafka: the typed topic catalogue, topic provisioning, the transactional publisher that makes a delivery visible
 * all at once, and the receipt ledger that remembers which content was already ingested.
 */
package nl.wijkhub.publish;
