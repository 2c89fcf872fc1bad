package nl.wijkhub.signals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import nl.wijkhub.covenant.CovenantLoader;
import nl.wijkhub.covenant.Covenants;
import nl.wijkhub.delivery.DeliveryKind;
import nl.wijkhub.delivery.Fixtures;
import nl.wijkhub.events.SignalRegistration;
import nl.wijkhub.privacy.PrivacyFixture;
import nl.wijkhub.privacy.ProcessingLog;
import nl.wijkhub.publish.CovenantTopics;
import nl.wijkhub.publish.SubmissionPublisher;
import nl.wijkhub.publish.TopicProvisioner;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The real signals kind for a pipeline a test builds itself, on the real broker: the hub's covenants, keys in a
 * temporary folder, and a signal register read from the broker as the hub reads it.
 */
public final class SignalsKindFixture implements AutoCloseable {

  private final SignalRegister register;
  private final SignalsKind kind;

  /**
   * @param consumerProperties read_committed consumer properties with the Avro deserializer
   * @param clientProperties what the topic provisioner needs to make each covenant's topics
   */
  public SignalsKindFixture(Path keys, Map<String, Object> consumerProperties, Map<String, Object> clientProperties) {
    Covenants covenants = new CovenantLoader(new PathMatchingResourcePatternResolver())
        .load("file:../config/", Fixtures.reference());
    CovenantTopics topics = new CovenantTopics(covenants);
    TopicProvisioner.ensure(clientProperties, (short) 1, Duration.ofDays(400), topics.all());
    PrivacyFixture privacy = new PrivacyFixture(keys);
    ProcessingLog log = new ProcessingLog(new SubmissionPublisher(() -> {
      throw new AssertionError("a delivery's steps go into the delivery's transaction");
    }));
    Clock clock = Clock.systemUTC();
    register = new SignalRegister(() -> new KafkaConsumer<>(consumerProperties), Duration.ofSeconds(30));
    register.catchUp();
    kind = new SignalsKind(Fixtures.reference(), new SignalValidator(Fixtures.reference(), clock),
        new SignalRouter(covenants, topics, privacy.pseudonyms, privacy.cipher, log, clock), register);
  }

  public DeliveryKind kind() {
    return kind;
  }

  /** The signal's latest committed registration, read up to date. */
  public Optional<SignalRegistration> registration(String signalId) {
    return register.lookup(signalId);
  }

  @Override
  public void close() {
    register.close();
  }
}
