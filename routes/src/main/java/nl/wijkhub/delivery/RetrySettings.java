package nl.wijkhub.delivery;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a polling channel (drop folder, SFTP, mailbox) waits before it tries a delivery again that failed for a
 * transient reason (Kafka, the registry or the store unreachable, a timeout): the first wait, then each wait
 * {@code multiplier} times the one before, never longer than {@code maxDelay}. Such a delivery is tried until it
 * goes through; it never counts towards {@code wijkhub.deliveries.max-failed-attempts}.
 */
@Validated
@ConfigurationProperties("wijkhub.deliveries.retry")
public record RetrySettings(@DefaultValue("1s") @NotNull Duration initialDelay,
    @DefaultValue("2") @DecimalMin("1.0") double multiplier, @DefaultValue("60s") @NotNull Duration maxDelay) {

  /** The wait before the retry that follows the {@code failure}-th failure (1 for the first) of a delivery. */
  public Duration delayAfter(int failure) {
    double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, failure - 1));
    return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
  }
}
