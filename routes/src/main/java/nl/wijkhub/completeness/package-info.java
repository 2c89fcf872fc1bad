/**
 * Who still owes which figure: the delivery calendar ({@code delivery-calendar.yaml}, validated at start-up), the
 * completeness matrix per partner, indicator and period, and the reminder planner that turns missing figures into
 * at most one Dutch digest per partner per day. Pure logic with an injectable clock; arrivals come from the
 * {@link nl.wijkhub.completeness.Arrivals} read model and sent reminders are remembered through the
 * {@link nl.wijkhub.completeness.ReminderLedger}, so that a restart never sends one twice.
 */
package nl.wijkhub.completeness;
