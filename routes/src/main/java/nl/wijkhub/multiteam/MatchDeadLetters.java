package nl.wijkhub.multiteam;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' deserialization and processing exception handlers for the matcher: a record that fails for a
 * permanent reason (see {@link MatchFailures}: undecodable, breaking its contract, sealed under a key that is gone,
 * under an unknown covenant version) goes to the dead letters and the matcher carries on, so that one foreign or
 * shredded record never stops matching for everyone. Any other failure, a transient one above all (a state store,
 * the broker or the registry not answering), fails the stream thread so that the record is processed again: a
 * dead letter would lose the match, as nothing replays them. Equally, if the dead letter cannot be written, the
 * thread fails (nothing is skipped unrecorded). Kafka Streams 4.1 makes the instances itself; the sink comes
 * through the configuration under {@link #SINK}.
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
    if (MatchFailures.unreadableNow(exception)) {
      LOG.warn("The matcher cannot read {}-{}@{} now ({}); it reads it again", record.topic(), record.partition(),
          record.offset(), exception.getClass().getSimpleName());
      return DeserializationHandlerResponse.FAIL;
    }
    return deadLetter(new DeadLetter(record.topic(), record.partition(), record.offset(),
        DeadLetter.Reason.ONLEESBAAR)) ? DeserializationHandlerResponse.CONTINUE
        : DeserializationHandlerResponse.FAIL;
  }

  @Override
  public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    Optional<DeadLetter.Reason> reason = MatchFailures.permanent(exception);
    if (reason.isEmpty()) {
      LOG.warn("The matcher failed on {}-{}@{} ({}); it processes it again", context.topic(), context.partition(),
          context.offset(), exception.getClass().getSimpleName());
      return ProcessingHandlerResponse.FAIL;
    }
    return deadLetter(new DeadLetter(context.topic(), context.partition(), context.offset(), reason.get()))
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

}
