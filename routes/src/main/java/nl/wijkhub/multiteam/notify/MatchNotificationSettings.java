package nl.wijkhub.multiteam.notify;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * E-mails to the professionals of a match; they need the e-mail channel ({@code wijkhub.mail.enabled}) for its
 * SMTP server and sender address.
 *
 * @param enabled send them at all; off by default, like the reminders, so that a hub mails professionals only once
 *     the SMTP server is the organisation's own; even then only under covenant versions whose parties agreed on
 *     it ({@code notifyProfessionals} in config/covenants)
 * @param groupId consumer group reading the covenants' match topics: the same on every instance of one hub, so that
 *     each match revision is handled once; run notifications on one instance only, as the ledger is shared but a
 *     send is not atomic with it
 */
@Validated
@ConfigurationProperties("wijkhub.match-notifications")
public record MatchNotificationSettings(
    boolean enabled,
    @DefaultValue("wijkhub-match-notifications") @NotBlank String groupId) {}
