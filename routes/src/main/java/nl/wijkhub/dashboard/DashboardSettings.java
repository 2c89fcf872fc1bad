package nl.wijkhub.dashboard;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Dashboard, report and reminders.
 *
 * @param smallNumberThreshold counts from 1 to this value minus one are shown as "&lt;threshold" wherever the
 *     viewer is not programme staff (default 5)
 * @param publicSignals whether the public page shows signal counts at all (default true, under the same rules)
 * @param publicSignalDelay how long after a month ends the public page first shows its signal counts (default 30
 *     days): a live count could be watched while one person's signal arrives, and most corrections and withdrawals
 *     of a month come in within weeks
 */
@Validated
@ConfigurationProperties("wijkhub.dashboard")
public record DashboardSettings(@DefaultValue("5") @Min(2) int smallNumberThreshold,
    @DefaultValue("true") boolean publicSignals, @DefaultValue("30d") @NotNull Duration publicSignalDelay) {}
