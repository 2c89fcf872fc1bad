package nl.wijkhub.http;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The partner API.
 *
 * @param demoKeys give every partner the key {@code demo-<partnerId>} (the embedded default and the tour); the
 *     hub refuses to start with it under the {@code prod} profile
 * @param requestsPerMinute calls a partner may make per minute to {@code /api/v1/submissions}; more get 429 with
 *     Retry-After
 * @param listLimit most receipts {@code GET /api/v1/submissions} returns
 */
@Validated
@ConfigurationProperties("wijkhub.api")
public record ApiSettings(boolean demoKeys, @Min(1) int requestsPerMinute, @Min(1) int listLimit) {}
