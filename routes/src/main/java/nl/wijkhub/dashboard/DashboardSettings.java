package nl.wijkhub.dashboard;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Dashboard, report and reminders.
 *
 * @param smallNumberThreshold counts from 1 to this value minus one are shown as "&lt;threshold" wherever the
 *     viewer is not programme staff (default 5)
 */
@Validated
@ConfigurationProperties("wijkhub.dashboard")
public record DashboardSettings(@DefaultValue("5") @Min(2) int smallNumberThreshold) {}
