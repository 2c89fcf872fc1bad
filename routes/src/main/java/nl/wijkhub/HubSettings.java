package nl.wijkhub;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Hub-wide settings.
 *
 * @param dataDir root of inbox, outbox, archive and quarantine (env WIJKHUB_DATA)
 * @param referenceData folder with programmes.yaml, partners.yaml and indicators.yaml (env WIJKHUB_CONFIG); a
 *     Spring resource location such as {@code classpath:config/} or {@code file:/etc/wijkhub/}
 */
@Validated
@ConfigurationProperties("wijkhub")
public record HubSettings(@NotNull Path dataDir, @NotBlank String referenceData) {

  /** Where channels spool what they receive before it is ingested; every spooled file is removed afterwards. */
  public Path spoolDir() {
    return dataDir.resolve("spool");
  }
}
