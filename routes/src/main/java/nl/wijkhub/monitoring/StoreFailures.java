package nl.wijkhub.monitoring;

import java.sql.SQLException;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Tells a record the store can never take from a store that cannot take anything right now. The first goes to the
 * dead letters so that the consumer carries on; the second is retried, because dead-lettering every record while
 * the database is down would empty the store's input into a queue an operator must replay.
 */
final class StoreFailures {

  /**
   * SQL state classes of a refusal caused by the row itself: 22 data exception (a NUL in text is 22021, a value too
   * long for its column 22001), 23 integrity constraint violation, 54 program limit exceeded.
   */
  private static final Set<String> RECORD_FAULT_CLASSES = Set.of("22", "23", "54");
  /** Two writers inserting the same new key at once: the retry finds the row and changes nothing. */
  private static final String UNIQUE_VIOLATION = "23505";

  private StoreFailures() {}

  /**
   * True when this record will fail however often it is retried: the database refused the row for its content, or
   * the record could not be decoded or bound at all. Connection and transaction failures are never the record's.
   */
  static boolean isRecordFault(RuntimeException e) {
    if (e instanceof TransactionException) {
      return false;
    }
    if (e instanceof DataAccessException) {
      String state = sqlState(e);
      return state != null && state.length() == 5 && !state.equals(UNIQUE_VIOLATION)
          && RECORD_FAULT_CLASSES.contains(state.substring(0, 2));
    }
    return true;
  }

  /**
   * The reason as it may be logged and put on the dead-letter topic: the SQL state, or the exception's class.
   * Never the message, which for a database error can quote the row's values.
   */
  static String reason(RuntimeException e) {
    String state = e instanceof DataAccessException ? sqlState(e) : null;
    return state != null ? "SQL state " + state : e.getClass().getName();
  }

  private static String sqlState(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        // A failed JDBC batch may carry the statement's own error as the next exception, not as the cause.
        for (SQLException s = sql; s != null; s = s.getNextException()) {
          if (s.getSQLState() != null) {
            return s.getSQLState();
          }
        }
      }
    }
    return null;
  }
}
