/**
 * Operations: health of the parts the hub depends on (Kafka, schema registry; the store's health comes with Spring
 * Boot's DataSource indicator, the mail server's with the e-mail channel), so {@code /actuator/health} is UP only
 * when a delivery could go all the way through.
 */
package nl.wijkhub.ops;
