package nl.wijkhub.multiteam.inbox;

/** The two kinds of item in the inbox, as the status table names them. */
public enum ItemType {
  SIGNAAL,
  MATCH
}
