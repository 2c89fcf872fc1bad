package nl.wijkhub.reminders;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reminder e-mails about missing figures; they need the e-mail channel ({@code wijkhub.mail.enabled}) for its SMTP
 * server and sender address. The day counts in {@code wijkhub.completeness.zone}.
 *
 * @param enabled send reminders at all; off by default, so that a hub starts reminding partners only when the
 *     programme office has checked delivery-calendar.yaml
 * @param interval how often the hub looks for reminders due; a run sends each partner at most one mail a day, so a
 *     short interval only makes a reminder go out sooner after midnight or after a mail server came back
 */
@Validated
@ConfigurationProperties("wijkhub.reminders")
public record ReminderSettings(boolean enabled, @DefaultValue("PT1H") @NotNull Duration interval) {}
