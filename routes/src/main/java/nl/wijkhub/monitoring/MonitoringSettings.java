package nl.wijkhub.monitoring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The monitoring-store consumer.
 *
 * @param groupId Kafka consumer group; its committed offsets say how far the store has read
 * @param batchSize records written to the database per transaction
 */
@Validated
@ConfigurationProperties("wijkhub.monitoring")
public record MonitoringSettings(@NotBlank String groupId, @Positive int batchSize) {}
