package nl.wijkhub.multiteam;

import java.util.Map;
import nl.wijkhub.privacy.KeyUnavailable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' deserialization and processing exception handlers for the matcher: a record it cannot read or
 * open goes to the dead letters and the matcher carries on, so that one foreign or shredded record never stops
 * matching for everyone. Only if the dead letter cannot be written does the matcher stop (nothing is skipped
 * unrecorded). Kafka Streams 4.1 makes the instances itself; the sink comes through the configuration under
 * {@link #SINK}.
 *
 * <p>The dead letter is written outside the matcher's transaction: after a crash between the two, a record may
 * be dead-lettered twice (same key), never not at all.
 */
public final class MatchDeadLetters implements DeserializationExceptionHandler, ProcessingExceptionHandler {

  /** Streams config key carrying the {@link DeadLetter.Sink} instance. */
  static final String SINK = "wijkhub.matches.dead-letter.sink";

  private static final Logger LOG = LoggerFactory.getLogger(MatchDeadLetters.class);

  private DeadLetter.Sink sink;

  @Override
  public void configure(Map<String, ?> configs) {
    Object configured = configs.get(SINK);
    if (!(configured instanceof DeadLetter.Sink given)) {
      throw new IllegalStateException("The matcher's streams configuration lacks " + SINK + " (a DeadLetter.Sink)");
    }
    this.sink = given;
  }

  @Override
  public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
      Exception exception) {
    return deadLetter(new DeadLetter(record.topic(), record.partition(), record.offset(),
        DeadLetter.Reason.ONLEESBAAR)) ? DeserializationHandlerResponse.CONTINUE
        : DeserializationHandlerResponse.FAIL;
  }

  @Override
  public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    DeadLetter.Reason reason = causedBy(exception, KeyUnavailable.class) ? DeadLetter.Reason.SLEUTEL_ONBESCHIKBAAR
        : DeadLetter.Reason.VERWERKINGSFOUT;
    return deadLetter(new DeadLetter(context.topic(), context.partition(), context.offset(), reason))
        ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
  }

  /** Exception messages are not logged: a deserializer or a bug may quote the record. */
  private boolean deadLetter(DeadLetter letter) {
    try {
      sink.accept(letter);
      LOG.warn("The matcher skipped {} ({}); it is in the dead letters", letter.key(), letter.reason());
      return true;
    } catch (RuntimeException e) {
      LOG.error("The matcher cannot dead-letter {} ({}) and stops: {}", letter.key(), letter.reason(),
          e.getClass().getSimpleName());
      return false;
    }
  }

  private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
