package nl.wijkhub.multiteam.notify;

import jakarta.mail.SendFailedException;
import java.util.List;
import java.util.Map;
import nl.wijkhub.events.Match;
import nl.wijkhub.events.ProcessingRecord;
import nl.wijkhub.mail.MailSettings;
import nl.wijkhub.mail.OutgoingMail;
import nl.wijkhub.publish.KafkaSettings;
import org.apache.camel.Exchange;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Reads the committed match revisions of every covenant in batches and sends each notification they call for as
 * its own mail: logged first ({@code genotificeerd}), then sent, then noted in the ledger. Offsets are committed
 * only after a batch went through; on any other failure (Kafka, the database, the SMTP server unreachable) the batch
 * is read again ({@code breakOnFirstError}) and the ledger keeps those already told from being told twice. An
 * address the SMTP server refuses is skipped, so that it never holds back the others.
 */
class MatchNotificationRoute extends EndpointRouteBuilder {

  static final String ROUTE_ID = "match-notifications";
  private static final String NOTIFICATION = "wijkhubMatchNotification";
  private static final String LOGGED = "wijkhubMatchNotificationLogged";

  private final KafkaSettings kafka;
  private final MatchNotificationSettings settings;
  private final List<String> topics;
  private final MailSettings.Server smtp;
  private final MatchNotifier notifier;
  private final NotificationMessages messages;

  MatchNotificationRoute(KafkaSettings kafka, MatchNotificationSettings settings, List<String> topics,
      MailSettings.Server smtp, MatchNotifier notifier, NotificationMessages messages) {
    this.kafka = kafka;
    this.settings = settings;
    this.topics = List.copyOf(topics);
    this.smtp = smtp;
    this.notifier = notifier;
    this.messages = messages;
  }

  @Override
  public void configure() {
    Map<String, Object> consumer = kafka.consumerProperties();
    from(kafka(String.join(",", topics))
        .brokers(kafka.bootstrapServers())
        .groupId(settings.groupId())
        .autoOffsetReset("earliest")
        .batching(true)
        .maxPollRecords(100)
        .pollTimeoutMs(1000L)
        .breakOnFirstError(true)
        .valueDeserializer((String) consumer.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG))
        .additionalProperties(consumer)
        .advanced().isolationLevel("read_committed"))
        .routeId(ROUTE_ID)
        .process(exchange -> exchange.getMessage().setBody(notifier.plan(matches(exchange))))
        .split(body()).stopOnException()
          .process(exchange -> {
            MatchNotification notification = exchange.getMessage().getBody(MatchNotification.class);
            exchange.setProperty(NOTIFICATION, notification);
            exchange.setProperty(LOGGED, notifier.log(notification));
            exchange.getMessage().setBody(messages.compose(notification));
          })
          .doTry()
            .to(OutgoingMail.outbox(smtp))
            .process(exchange -> notifier.sent(exchange.getProperty(NOTIFICATION, MatchNotification.class)))
          .doCatch(SendFailedException.class)
            .process(exchange -> notifier.refused(exchange.getProperty(NOTIFICATION, MatchNotification.class),
                exchange.getProperty(LOGGED, ProcessingRecord.class)))
          .end()
        .end();
  }

  /** The batch's values that are match revisions; the inbox skips anything else on these topics as well. */
  private static List<Match> matches(Exchange batch) {
    List<?> records = batch.getMessage().getBody(List.class);
    return records.stream().map(record -> ((Exchange) record).getMessage().getBody())
        .filter(Match.class::isInstance).map(Match.class::cast).toList();
  }
}
