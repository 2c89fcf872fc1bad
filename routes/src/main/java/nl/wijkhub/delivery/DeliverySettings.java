package nl.wijkhub.delivery;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits that hold for a delivery on every channel.
 *
 * @param maxDeliverySize largest delivery ingested in one transaction; it must ingest within
 *     wijkhub.kafka.transaction-timeout (about 4 MB/s is a safe floor), larger ones are refused with a receipt
 * @param maxWait how long a delivery waits for the one being ingested before it (deliveries are ingested one at a
 *     time); then it is not taken: polling channels try again at the next poll, the API answers 503
 */
@Validated
@ConfigurationProperties("wijkhub.deliveries")
public record DeliverySettings(@NotNull DataSize maxDeliverySize, @NotNull Duration maxWait) {}
