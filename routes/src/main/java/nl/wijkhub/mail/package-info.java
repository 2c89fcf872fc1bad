/**
 * Channel: e-mail. Reads one mailbox over IMAP; the sender's address ({@code mailFrom} in partners.yaml) names the
 * partner, and each CSV, JSON or XLSX attachment goes to the one normalisation path as a delivery of its own. The
 * hub answers with one receipt e-mail in Dutch (the receipt text per attachment, the receipt JSON attached) and
 * only then moves the message to the handled folder. Mail from unknown senders, from a partner's address that the
 * hub's own mail server does not vouch for ({@link SenderAuthentication}, once configured), and automatic mail
 * (auto-replies, bounces, list mail) goes to quarantine unanswered, so the hub neither sends backscatter nor loops
 * with another robot. A partner's message that cannot be read at all goes to quarantine too, answered once,
 * instead of being read again every poll.
 *
 * <p>E-mail is only for counts, aggregate figures: it is never accepted for personal data, and this channel sends
 * to the counts endpoint only. Addresses, bodies and attachments are never logged.
 */
package nl.wijkhub.mail;
