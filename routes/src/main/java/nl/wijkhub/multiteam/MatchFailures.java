package nl.wijkhub.multiteam;

import io.apicurio.registry.rest.client.exception.RestClientException;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import nl.wijkhub.privacy.KeyUnavailable;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * Tells the matcher's failures apart. A permanent one lies in the record (bytes that are no routed signal, a
 * signal that breaks its contract, a sealed part whose key is gone): it fails the same way every time, so it is
 * dead-lettered and matching goes on. A transient one lies in what the matcher depends on (a state store, the
 * broker, the registry): the record must be processed again later, so it fails the stream thread, which is replaced
 * and re-reads from the last exactly-once commit. Anything else is not known to be either and stops the matcher
 * rather than skip a record on a guess. A covenant version the hub does not hold is such a case: during a rolling
 * configuration roll-out an instance with the older configuration meets signals routed under the newer version, and
 * nothing would replay them from the dead letters; stopped, the matcher resumes from its last commit once the
 * instance runs the new configuration.
 */
final class MatchFailures {

  private MatchFailures() {}

  /** The dead-letter reason of a permanent processing failure; empty when the failure is not known permanent. */
  static Optional<DeadLetter.Reason> permanent(Throwable failure) {
    if (isTransient(failure)) {
      return Optional.empty();
    }
    if (causedBy(failure, KeyUnavailable.class)) {
      return Optional.of(DeadLetter.Reason.SLEUTEL_ONBESCHIKBAAR);
    }
    if (causedBy(failure, BrokenContract.class)) {
      return Optional.of(DeadLetter.Reason.ONGELDIG);
    }
    return Optional.empty();
  }

  /** True when a routed signal names a covenant version the configuration does not hold. */
  static boolean unknownCovenantVersion(Throwable failure) {
    return causedBy(failure, MatchTerms.UnknownVersion.class);
  }

  /** True when the failure came from something the matcher depends on, not from the record. */
  static boolean isTransient(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException || cause instanceof TimeoutException || cause instanceof RetriableException
          || cause instanceof InvalidStateStoreException || registryUnavailable(cause)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a record could not be read because the registry or the broker did not answer: reading it later may
   * succeed. Any other failure to read lies in the bytes, an {@link IOException} above all (a body cut off after a
   * valid header fails as an EOFException, which Apicurio's deserializer wraps in an UncheckedIOException): it
   * fails the same way on every retry, so it must not fail the thread, which would read it again forever.
   */
  static boolean unreadableNow(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RetriableException || registryUnavailable(cause)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Apicurio's client turns a connection failure into a {@link RestClientException} without a cause and without an
   * HTTP status; a 5xx or a 429 is the registry's trouble too. A 4xx (an unknown schema id) is the record's.
   */
  private static boolean registryUnavailable(Throwable cause) {
    if (!(cause instanceof RestClientException rest)) {
      return false;
    }
    Integer status = rest.getError() == null ? null : rest.getError().getErrorCode();
    return status == null || status == 0 || status == 429 || status >= 500;
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  /** A routed signal that breaks the contract of its schema, e.g. without a pseudonym or with a malformed period. */
  static final class BrokenContract extends RuntimeException {

    BrokenContract(String message) {
      super(message);
    }
  }
}
