package nl.wijkhub.mail;

import jakarta.mail.internet.InternetAddress;

/**
 * What the reply to a partner's message needs to know about it.
 *
 * @param messageId the {@code Message-ID} the reply refers to, or null when the message had none
 * @param references the message's own {@code References}, or null; the reply's thread continues them
 * @param trial sent to the trial address: validated and answered, nothing published
 */
record IncomingMail(String partnerId, InternetAddress sender, String subject, String messageId, String references,
    boolean trial) {}
