package nl.wijkhub.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import nl.wijkhub.events.SignalRegistration;
import nl.wijkhub.publish.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Which supplier delivered which signal, read from {@link Topics#SIGNAL_REGISTER} (read_committed). A registration is
 * committed in the transaction that routes its signal, so the topic is the truth: before a correction or withdrawal is
 * checked, the register is read up to what Kafka has committed now, whichever hub committed it. Read from the start
 * at start-up; corrections are rare, so catching up on each is cheap.
 */
final class SignalRegister implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);

  private final Consumer<String, Object> consumer;
  private final Duration lookupWait;
  private final Map<String, Registered> bySignal = new ConcurrentHashMap<>();

  /** A registration and its offset: one signal's records share a partition (its id is the key), so the later wins. */
  private record Registered(SignalRegistration registration, long offset) {

    Registered later(Registered other) {
      return other.offset > offset ? other : this;
    }
  }

  /**
   * @param consumers read_committed consumers with the Avro deserializer
   * @param lookupWait longest a catch-up may take
   */
  SignalRegister(Supplier<Consumer<String, Object>> consumers, Duration lookupWait) {
    this.consumer = consumers.get();
    this.lookupWait = lookupWait;
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.SIGNAL_REGISTER.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** The signal's latest committed registration, read up to date first. */
  synchronized Optional<SignalRegistration> lookup(String signalId) {
    catchUp();
    return Optional.ofNullable(bySignal.get(signalId)).map(Registered::registration);
  }

  /**
   * A registration this hub has just committed. Kafka answers a commit before it has written the markers that make
   * the records visible to read_committed consumers, so a catch-up right after the commit may not see it yet: a
   * correction checked then would pass against the signal's state before a withdrawal committed a moment earlier.
   *
   * @param registered the registration's record, sent and committed
   */
  void committed(SignalRegistration registration, Future<RecordMetadata> registered) {
    long offset;
    try {
      offset = registered.get().offset();
    } catch (ExecutionException e) {
      throw new IllegalStateException("A committed registration has no offset", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading a committed registration's offset", e);
    }
    remember(new Registered(registration, offset));
  }

  private void remember(Registered registered) {
    bySignal.merge(registered.registration().getSignalId(), registered, Registered::later);
  }

  /**
   * Reads every registration committed before this call.
   *
   * @throws TimeoutException when Kafka does not answer in time: transient, so the delivery is tried again later
   *     rather than refused
   */
  synchronized void catchUp() {
    Instant deadline = Instant.now().plus(lookupWait);
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), lookupWait);
    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), lookupWait) < e.getValue())) {
      if (Instant.now().isAfter(deadline)) {
        throw new TimeoutException("The signal register could not be read up to date within " + lookupWait);
      }
      for (ConsumerRecord<String, Object> record : consumer.poll(POLL)) {
        if (record.value() instanceof SignalRegistration registration) {
          remember(new Registered(registration, record.offset()));
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    consumer.close();
  }
}
