package nl.wijkhub.http;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The partner API. (Its keys, {@code wijkhub.api.demo-keys} included, are the security package's.)
 *
 * @param requestsPerMinute calls a partner may make per minute to {@code /api/v1/submissions}; more get 429 with
 *     Retry-After
 * @param listLimit most receipts {@code GET /api/v1/submissions} returns
 */
@Validated
@ConfigurationProperties("wijkhub.api")
public record ApiSettings(@Min(1) int requestsPerMinute, @Min(1) int listLimit) {}
