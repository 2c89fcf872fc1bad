package nl.wijkhub.multiteam;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The matcher (Kafka Streams) that finds several suppliers signalling the same person.
 *
 * @param enabled whether the hub runs the matcher (off only in tests that do not need it)
 * @param applicationId Kafka Streams application id: consumer group, prefix of the changelog and repartition
 *     topics and transactional id; the same on every instance of one hub, so that partitions are shared out
 * @param stateDir where RocksDB keeps the state; relative paths are under {@code wijkhub.data-dir}
 * @param threads stream threads; more only helps with more partitions
 * @param commitInterval how often a transaction is committed: the longest a match waits to become visible
 * @param expiryInterval how often matches whose window has passed are closed
 * @param cacheMaxBytes record cache of all stream threads together (statestore.cache.max.bytes)
 * @param blockCacheBytes one RocksDB block cache shared by every store of the hub, index and filter blocks included
 * @param writeBufferBytes all RocksDB memtables together, counted against the block cache
 */
@Validated
@ConfigurationProperties("wijkhub.matches")
public record MatchSettings(
    boolean enabled,
    @NotBlank String applicationId,
    @NotNull Path stateDir,
    @Min(1) int threads,
    @NotNull Duration commitInterval,
    @NotNull Duration expiryInterval,
    @NotNull DataSize cacheMaxBytes,
    @NotNull DataSize blockCacheBytes,
    @NotNull DataSize writeBufferBytes) {}
