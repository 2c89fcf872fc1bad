package nl.wijkhub.retention;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the hub keeps what deliveries leave behind; the README's configuration table says why these defaults.
 *
 * @param archive delivered files in {@code archive/<partner>/<submission>/}, counted from the move there
 * @param quarantine files in {@code quarantine/} with their reasons, counted from the quarantine time in the name
 * @param mailHandled messages in the mailbox's handled folder, counted from their arrival
 * @param mailQuarantine messages in the mailbox's quarantine folder, counted from their arrival
 * @param interval how often the purge runs
 */
@Validated
@ConfigurationProperties("wijkhub.retention")
public record RetentionSettings(@NotNull Duration archive, @NotNull Duration quarantine,
    @NotNull Duration mailHandled, @NotNull Duration mailQuarantine, @NotNull Duration interval) {}
