package nl.wijkhub.signalcounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The signal counts of the dashboard (Kafka Streams). State folder, threads, record cache and RocksDB memory are the
 * matcher's ({@code wijkhub.matches.*}): one budget for every store of the hub.
 *
 * @param enabled whether the hub keeps the counts (off in tests that do not need them)
 * @param applicationId Kafka Streams application id: consumer group, prefix of the changelog and repartition topics
 *     and transactional id; the same on every instance of one hub
 * @param commitInterval how often a transaction is committed: the longest a signal waits before it counts
 */
@Validated
@ConfigurationProperties("wijkhub.signal-counts")
public record SignalCountSettings(boolean enabled, @NotBlank String applicationId, @NotNull Duration commitInterval) {}
