package nl.wijkhub.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.wijkhub.support.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Topic cleanup on the real broker: bounded retention where partners' text is quoted, compaction for the ledger. */
@ExtendWith(TestInfrastructure.class)
class TopicProvisionerIT {

  private static final Duration RETENTION = Duration.ofDays(400);

  private final Map<String, Object> client =
      Map.of("bootstrap.servers", TestInfrastructure.stack().broker().bootstrapServers());

  @Test
  void receiptsAndRejectionsKeptForeverByAnOlderHubGetTheBoundedRetentionAndTheLedgerIsCompacted() throws Exception {
    TopicProvisioner.ensureTopics(client, (short) 1, RETENTION);
    try (Admin admin = Admin.create(client)) {
      // As an older hub left them: receipts kept forever.
      for (Topic<?> topic : List.of(Topics.RECEIPTS, Topics.REJECTIONS)) {
        admin.incrementalAlterConfigs(Map.of(resource(topic), List.of(new AlterConfigOp(
            new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"), AlterConfigOp.OpType.SET))))
            .all().get(30, TimeUnit.SECONDS);
      }

      TopicProvisioner.ensureTopics(client, (short) 1, RETENTION);

      for (Topic<?> topic : List.of(Topics.RECEIPTS, Topics.REJECTIONS)) {
        assertThat(config(admin, topic).get(TopicConfig.RETENTION_MS_CONFIG).value()).as(topic.name())
            .isEqualTo(Long.toString(RETENTION.toMillis()));
      }
      Config ledger = config(admin, Topics.LEDGER);
      assertThat(ledger.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
      assertThat(admin.describeTopics(List.of(Topics.LEDGER.name())).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(Topics.LEDGER.name()).partitions()).hasSize(1);
    }
  }

  private static Config config(Admin admin, Topic<?> topic) throws Exception {
    return admin.describeConfigs(List.of(resource(topic))).all().get(30, TimeUnit.SECONDS).get(resource(topic));
  }

  private static ConfigResource resource(Topic<?> topic) {
    return new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
  }
}
