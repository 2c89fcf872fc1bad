/**
 * Retention: what the hub keeps of deliveries (the archive, the quarantine, the mailbox's handled and quarantine
 * folders) is removed once it is older than its configured period, by a scheduled purge that logs counts only; and
 * signals are crypto-shredded (their (covenant, month) data key destroyed) once the covenant's retention has passed,
 * each destruction a processing-log step.
 */
package nl.wijkhub.retention;
