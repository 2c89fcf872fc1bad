package nl.wijkhub.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per partner (Bucket4j): {@code requestsPerMinute} calls, refilled gradually. */
final class RateLimits {

  private final int requestsPerMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimits(int requestsPerMinute) {
    this.requestsPerMinute = requestsPerMinute;
  }

  /** Takes one call for the partner; when none is left, the seconds until the next one is. */
  OptionalLong take(String partnerId) {
    ConsumptionProbe probe = buckets.computeIfAbsent(partnerId, id -> newBucket()).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    long nanos = probe.getNanosToWaitForRefill();
    return OptionalLong.of((nanos + 999_999_999L) / 1_000_000_000L);
  }

  private Bucket newBucket() {
    return Bucket.builder().addLimit(Bandwidth.builder().capacity(requestsPerMinute)
        .refillGreedy(requestsPerMinute, Duration.ofMinutes(1)).build()).build();
  }
}
