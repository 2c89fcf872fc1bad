package nl.wijkhub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Partners' API keys ({@code api-keys.yaml} beside the reference data).
 *
 * @param demoKeys give every partner the key {@code demo-<partnerId>} (the embedded default and the tour); the
 *     hub refuses to start with it under the {@code prod} profile
 */
@ConfigurationProperties("wijkhub.api")
public record ApiKeySettings(boolean demoKeys) {}
