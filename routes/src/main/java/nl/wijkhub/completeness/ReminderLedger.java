package nl.wijkhub.completeness;

/**
 * Remembers which reminders were sent, by key, so that a restarted hub sends none twice. Kept where it survives a
 * restart (the monitoring store); {@link #record} is called only after the mail was accepted by the SMTP server.
 */
public interface ReminderLedger {

  boolean sent(String key);

  /** Records the digest's key (one mail per partner per day) and the key of each reminder in it. */
  void record(ReminderDigest digest);
}
