package nl.wijkhub.completeness;

import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Completeness and reminders.
 *
 * @param zone the time zone whose calendar day counts: whether a figure arrived on time, which day a reminder is
 *     for (one mail a day), and the times the completeness page shows
 */
@Validated
@ConfigurationProperties("wijkhub.completeness")
public record CompletenessSettings(@DefaultValue("Europe/Amsterdam") @NotNull ZoneId zone) {}
