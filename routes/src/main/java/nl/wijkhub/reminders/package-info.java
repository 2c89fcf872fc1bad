/**
 * Sends the reminders the completeness planner decides on: a scheduled route that, on the injected clock's day,
 * e-mails each partner at most one Dutch digest of the figures it still owes, through the mail channel's SMTP
 * server and sender address, to the partner's registered addresses ({@code mailFrom} in partners.yaml). What was
 * sent is kept in the database ({@link nl.wijkhub.reminders.JdbcReminderLedger}), so a restart sends nothing twice.
 */
package nl.wijkhub.reminders;
