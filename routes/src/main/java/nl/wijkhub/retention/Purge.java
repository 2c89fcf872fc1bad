package nl.wijkhub.retention;

import java.time.Instant;

/** One place whose entries are removed after their retention; every such bean runs in {@link RetentionRoute}. */
public interface Purge {

  /** The place, as the log line names it, e.g. {@code archive}. */
  String area();

  /**
   * Removes every entry that is older than the retention at {@code now}.
   *
   * @return how many entries were removed
   */
  int purge(Instant now);
}
