package nl.wijkhub.monitoring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The monitoring-store consumer and its API.
 *
 * @param groupId Kafka consumer group; its committed offsets say how far the store has read. The dead-letter replay
 *     commits under this id plus {@code -dead-letters}
 * @param batchSize records written to the database per transaction
 * @param pageLimit most figures one {@code GET /api/v1/observations} returns
 */
@Validated
@ConfigurationProperties("wijkhub.monitoring")
public record MonitoringSettings(@NotBlank String groupId, @Positive int batchSize, @Positive int pageLimit) {

  String deadLetterReplayGroupId() {
    return groupId + "-dead-letters";
  }
}
