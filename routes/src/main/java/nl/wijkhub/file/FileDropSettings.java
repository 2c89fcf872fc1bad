package nl.wijkhub.file;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The drop-folder channel.
 *
 * @param pollInterval how often the inbox is scanned
 * @param minAge how long a file must be unchanged before it counts as complete (partners copying over a network
 *     share write slowly); a file that still grows is left for the next scan
 * @param haltAfterCommit fault injection for the recovery tests only: stop the JVM at once (as {@code kill -9}
 *     would) after a delivery's transaction committed and before its receipt and archive move; never in production
 */
@Validated
@ConfigurationProperties("wijkhub.file-drop")
public record FileDropSettings(@NotNull Duration pollInterval, @NotNull Duration minAge, boolean haltAfterCommit) {}
