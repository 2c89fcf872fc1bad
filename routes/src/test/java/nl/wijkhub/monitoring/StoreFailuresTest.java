package nl.wijkhub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

class StoreFailuresTest {

  @Test
  void aNulInTextIsTheRecordsFaultAndTheReasonIsOnlyItsSqlState() {
    SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00 in 'geheim'", "22021");
    var e = new DataIntegrityViolationException("MERGE INTO ... 'geheim'", nul);

    assertThat(StoreFailures.isRecordFault(e)).isTrue();
    assertThat(StoreFailures.reason(e)).isEqualTo("SQL state 22021").doesNotContain("geheim");
  }

  @Test
  void aFailedBatchIsJudgedByTheStatementsErrorChainedAsNextException() {
    BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0], null);
    batch.setNextException(new SQLException("value too long", "22001"));
    var e = new UncategorizedSQLException("batch", "MERGE", batch);

    assertThat(StoreFailures.isRecordFault(e)).isTrue();
    assertThat(StoreFailures.reason(e)).isEqualTo("SQL state 22001");
  }

  @Test
  void anUnreachableDatabaseIsRetriedNeverDeadLettered() {
    assertThat(StoreFailures.isRecordFault(new CannotCreateTransactionException("no connection"))).isFalse();
    assertThat(StoreFailures.isRecordFault(new CannotGetJdbcConnectionException("down",
        new SQLException("Connection refused", "08001")))).isFalse();
    assertThat(StoreFailures.isRecordFault(new UncategorizedSQLException("x", "MERGE",
        new SQLException("deadlock", "40P01")))).isFalse();
  }

  @Test
  void twoWritersInsertingTheSameKeyAreRetriedBecauseTheRetryFindsTheRow() {
    assertThat(StoreFailures.isRecordFault(new DataIntegrityViolationException("dup",
        new SQLException("duplicate key", "23505")))).isFalse();
  }

  @Test
  void aRecordThatCannotBeDecodedIsTheRecordsFaultNamedByItsClass() {
    var e = new org.apache.kafka.common.errors.SerializationException("bad magic byte");

    assertThat(StoreFailures.isRecordFault(e)).isTrue();
    assertThat(StoreFailures.reason(e)).isEqualTo("org.apache.kafka.common.errors.SerializationException");
  }
}
