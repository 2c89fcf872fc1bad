package nl.wijkhub.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import nl.wijkhub.publish.SubmissionPublisher.EventTransaction;
import nl.wijkhub.publish.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One small delivery's events, held in memory until the delivery has been read and validated as a whole, and only
 * then sent into the transaction it shares with others (see {@link DeliveryPipeline}). A delivery that fails half-way
 * is simply dropped here, so that it never leaves events in, nor aborts, a transaction that holds other deliveries.
 */
final class StagedEvents implements EventTransaction {

  private record Staged<V>(Topic<V> topic, String key, V value, CompletableFuture<RecordMetadata> written) {

    Future<RecordMetadata> sendInto(EventTransaction tx) {
      return tx.send(topic, key, value);
    }
  }

  private final List<Staged<?>> events = new ArrayList<>();
  private final List<Future<RecordMetadata>> sent = new ArrayList<>();

  @Override
  public <V> Future<RecordMetadata> send(Topic<V> topic, String key, V value) {
    Staged<V> staged = new Staged<>(topic, key, value, new CompletableFuture<>());
    events.add(staged);
    return staged.written();
  }

  /** Sends every staged event, in order, into the shared transaction. */
  void sendInto(EventTransaction tx) {
    for (Staged<?> event : events) {
      sent.add(event.sendInto(tx));
    }
  }

  /** After the shared commit: each staged future tells its record's offset, as an unshared transaction's would. */
  void committed() {
    for (int i = 0; i < sent.size(); i++) {
      try {
        events.get(i).written().complete(sent.get(i).get());
      } catch (ExecutionException e) {
        events.get(i).written().completeExceptionally(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        events.get(i).written().completeExceptionally(e);
      }
    }
  }

  /** Every event of the delivery is published with the group's commit; this one commits nothing by itself. */
  @Override
  public void commit() {
    throw new IllegalStateException("Staged events are committed with their group");
  }

  @Override
  public void close() {
    // Nothing was sent anywhere yet: dropping the staged events is all an abort needs.
  }
}
