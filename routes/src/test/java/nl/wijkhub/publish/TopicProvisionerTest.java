package nl.wijkhub.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicProvisionerTest {

  private static final Duration EXCERPTS = Duration.ofDays(400);

  @ParameterizedTest(name = "replication factor {0} gives min.insync.replicas {1}")
  @CsvSource({"1, 1", "2, 2", "3, 2", "5, 2"})
  void everyTopicWaitsForTwoReplicasWhereThereAreTwo(short replicationFactor, String minInsync) {
    for (Topic<?> topic : Topics.all()) {
      assertThat(TopicProvisioner.configs(topic, replicationFactor, EXCERPTS))
          .as(topic.name()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync);
    }
  }

  @Test
  void theIndicatorsTopicAndItsDeadLettersAreKeptForeverExcerptsNotAndTheLedgerIsCompacted() {
    assertThat(TopicProvisioner.configs(Topics.INDICATORS, (short) 3, EXCERPTS))
        .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
    assertThat(TopicProvisioner.configs(Topics.INDICATOR_DEAD_LETTERS, (short) 3, EXCERPTS))
        .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
    assertThat(TopicProvisioner.configs(Topics.REJECTIONS, (short) 3, EXCERPTS))
        .containsEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(EXCERPTS.toMillis()));
    assertThat(TopicProvisioner.configs(Topics.LEDGER, (short) 3, EXCERPTS))
        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
        .doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG);
  }
}
