/**
 * Retention: what the hub keeps of deliveries (the archive, the quarantine, the mailbox's handled and quarantine
 * folders) is removed once it is older than its configured period, by a scheduled purge that logs counts only.
 */
package nl.wijkhub.retention;
