package nl.wijkhub.delivery;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits that hold for a delivery on every channel.
 *
 * @param maxDeliverySize largest delivery ingested in one transaction; it must ingest within
 *     wijkhub.kafka.transaction-timeout (about 4 MB/s is a safe floor), larger ones are refused with a receipt
 * @param maxWait how long a delivery waits for its turn (deliveries take turns; small ones waiting together share
 *     the next turn, see {@link DeliveryPipeline}); then it is not taken: polling channels try again at the next
 *     poll, the API answers 503
 * @param maxFailedAttempts attempts a delivery gets when it fails for a reason other than an unreachable Kafka,
 *     registry or store; then it is given up with a REJECTED receipt ({@link FailedAttempts#GIVEN_UP}) and moved
 *     like a refused delivery
 */
@Validated
@ConfigurationProperties("wijkhub.deliveries")
public record DeliverySettings(@NotNull DataSize maxDeliverySize, @NotNull Duration maxWait,
    @DefaultValue("3") @Min(1) int maxFailedAttempts) {}
