package nl.wijkhub.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins and key checks per client address (Bucket4j): after {@code perMinute} failures within a minute the
 * address's logins are refused until its bucket refills. Every failure and refusal is counted in metrics
 * ({@code wijkhub.security.login.failures} by method, {@code wijkhub.security.login.throttled}); nothing here is
 * logged, since a login name or key may be personal or secret.
 */
final class LoginAttempts {

  /** Forget every address at once beyond this many, so that a flood of addresses cannot exhaust the heap. */
  private static final int MAX_ADDRESSES = 100_000;

  private final int perMinute;
  private final MeterRegistry metrics;
  private final Map<String, Bucket> failures = new ConcurrentHashMap<>();

  LoginAttempts(int perMinute, MeterRegistry metrics) {
    this.perMinute = perMinute;
    this.metrics = metrics;
  }

  /** Whether this address has used up its failed attempts; counts the refusal when it has. */
  boolean throttled(String address) {
    Bucket bucket = failures.get(address);
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return false;
    }
    metrics.counter("wijkhub.security.login.throttled").increment();
    return true;
  }

  /** A failed login or key check: {@code method} is basic, bearer, form or oidc. */
  void failed(String address, String method) {
    metrics.counter("wijkhub.security.login.failures", "method", method).increment();
    if (failures.size() > MAX_ADDRESSES) {
      failures.clear();
    }
    failures.computeIfAbsent(address, a -> Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
        .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build()).tryConsume(1);
  }
}
