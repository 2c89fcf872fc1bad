package nl.wijkhub.normalise;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits that hold for a delivery on every channel.
 *
 * @param maxDeliverySize largest delivery ingested in one transaction; it must ingest within
 *     wijkhub.kafka.transaction-timeout (about 4 MB/s is a safe floor), larger ones are refused with a receipt
 */
@Validated
@ConfigurationProperties("wijkhub.deliveries")
public record NormaliseSettings(@NotNull DataSize maxDeliverySize) {}
