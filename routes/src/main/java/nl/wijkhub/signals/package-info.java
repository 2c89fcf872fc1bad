/**
 * Signals as a kind of delivery: the columns of a signal delivery, validation that never quotes a value (BSN
 * 11-test, plausible dates, the type vocabulary), and routing under the governing covenant version: a per-covenant
 * pseudonym, identity and content sealed for each recipient with only the fields the covenant permits, and a
 * processing-log record for every step in the same Kafka transaction. Shares everything else with counts through
 * {@code nl.wijkhub.delivery}.
 */
package nl.wijkhub.signals;
