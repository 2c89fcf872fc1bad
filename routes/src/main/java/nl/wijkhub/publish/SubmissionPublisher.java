package nl.wijkhub.publish;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a delivery as one Kafka transaction: every record of it becomes visible to read_committed consumers at
 * once, or none does. Sends are asynchronous and batched by the producer; the first failed send stops the delivery
 * and the commit reports it. Every failure surfaces as {@link PublishFailed}. After any failure the producer is replaced, since a fenced or broken transactional
 * producer cannot be reused; the new one aborts whatever the old one left open.
 */
public class SubmissionPublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SubmissionPublisher.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Supplier<Producer<String, Object>> factory;
  private final ReentrantLock lock = new ReentrantLock();
  private Producer<String, Object> producer;

  public SubmissionPublisher(Supplier<Producer<String, Object>> factory) {
    this.factory = factory;
  }

  /**
   * Registers the transactional id with Kafka, at start-up and after a commit went unanswered: Kafka then completes a
   * transaction whose commit it had received, and aborts one a killed or failed predecessor left open; until then
   * read_committed consumers could not read past it.
   */
  public void initialise() {
    lock.lock();
    try {
      ensureProducer();
    } catch (RuntimeException e) {
      discardProducer();
      throw new PublishFailed("Kafka did not register the transactional id", e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Starts a transaction; one at a time per hub, the caller closes it (which aborts unless committed). A dry run
   * gets a transaction that publishes nothing, so that it goes through exactly the same steps.
   */
  public EventTransaction begin(boolean dryRun) {
    return dryRun ? DryRun.INSTANCE : begin();
  }

  private Transaction begin() {
    lock.lock();
    try {
      ensureProducer();
      producer.beginTransaction();
      return new Transaction(producer);
    } catch (RuntimeException e) {
      discardProducer();
      lock.unlock();
      throw new PublishFailed("Cannot start a Kafka transaction", e);
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      discardProducer();
    } finally {
      lock.unlock();
    }
  }

  private void ensureProducer() {
    if (producer == null) {
      producer = factory.get();
      producer.initTransactions();
    }
  }

  private void discardProducer() {
    if (producer != null) {
      try {
        // Bounded: with Kafka gone, an unbounded close would wait for batches that can never be sent.
        producer.close(CLOSE_TIMEOUT);
      } catch (RuntimeException e) {
        LOG.warn("Closing the Kafka producer failed: {}", e.toString());
      }
      producer = null;
    }
  }

  /** The events of one delivery, made visible together on commit. Not thread-safe: one delivery, one thread. */
  public interface EventTransaction extends AutoCloseable {

    /** Sends a record; the future tells its offset once the transaction is committed (null in a dry run). */
    <V> Future<RecordMetadata> send(Topic<V> topic, String key, V value);

    /** Returns only once Kafka acknowledged every record of the transaction. */
    void commit();

    @Override
    void close();
  }

  private enum DryRun implements EventTransaction {
    INSTANCE;

    @Override
    public <V> Future<RecordMetadata> send(Topic<V> topic, String key, V value) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void commit() {}

    @Override
    public void close() {}
  }

  private final class Transaction implements EventTransaction {

    private final Producer<String, Object> transactional;
    private volatile Exception failure;
    private final Callback onFailure = (metadata, exception) -> {
      if (exception != null && failure == null) {
        failure = exception;
      }
    };
    private boolean committed;

    private Transaction(Producer<String, Object> transactional) {
      this.transactional = transactional;
    }

    @Override
    public <V> Future<RecordMetadata> send(Topic<V> topic, String key, V value) {
      if (failure != null) {
        throw new PublishFailed("An earlier send of this transaction failed", failure);
      }
      try {
        return transactional.send(new ProducerRecord<>(topic.name(), key, value), onFailure);
      } catch (RuntimeException e) {
        // Includes the serializer's own failures, such as an unreachable schema registry.
        throw new PublishFailed("Kafka did not take a record", e);
      }
    }

    @Override
    public void commit() {
      try {
        transactional.commitTransaction();
      } catch (RuntimeException e) {
        throw new PublishFailed("Kafka did not commit the transaction", e);
      }
      committed = true;
    }

    @Override
    public void close() {
      try {
        if (!committed) {
          abort();
        }
      } finally {
        lock.unlock();
      }
    }

    private void abort() {
      try {
        transactional.abortTransaction();
      } catch (RuntimeException e) {
        LOG.warn("Aborting the transaction failed, replacing the producer: {}", e.toString());
        discardProducer();
      }
    }
  }
}
