package nl.wijkhub.mail;

import java.util.ArrayList;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.delivery.DeliveryErrorHandling;
import nl.wijkhub.delivery.DeliveryRoute;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.EndpointConsumerBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * Reads the mailbox and feeds each attachment of a registered partner into the normalisation path, then answers
 * over SMTP. The consumer peeks (the message stays unseen) and moves a message to the handled folder only when the
 * whole exchange succeeded: every attachment committed on Kafka and the reply sent. A failure leaves the exchange
 * failed ({@link DeliveryErrorHandling}), so the message stays in the inbox, unseen, for the next poll. A message
 * that cannot be read is no such failure: reading it again would fail again, so {@link MailIntake} sends it to
 * quarantine.
 */
public class MailRoute extends EndpointRouteBuilder {

  private final MailSettings settings;
  private final MailIntake intake;

  public MailRoute(MailSettings settings, MailIntake intake) {
    this.settings = settings;
    this.intake = intake;
  }

  @Override
  public void configure() {
    from(mailbox())
        .routeId("mail")
        .routeConfigurationId(DeliveryErrorHandling.ID)
        .bean(intake, "accept")
        .filter(body().isNotNull())
          .split(body(), AggregationStrategies.flexible(SubmissionReceipt.class)
              .accumulateInCollection(ArrayList.class).storeInProperty(MailIntake.RECEIPTS))
            .stopOnException()
            .bean(intake, "submitting")
            .to(DeliveryRoute.ENDPOINT)
          .end()
          .bean(intake, "reply")
          .to(OutgoingMail.outbox(settings.smtp()))
          .bean(intake, "answered")
        .end();
  }

  private EndpointConsumerBuilder mailbox() {
    MailSettings.Server imap = settings.imap();
    return (imap.ssl() ? imaps(imap.authority()) : imap(imap.authority()))
        .username(imap.user()).password(imap.password())
        .unseen(true).peek(true)
        .delay(settings.pollInterval().toMillis())
        .advanced()
        // The raw jakarta.mail.Message: no mail header becomes a Camel header that could leak into the reply.
        .mapMailMessage(false)
        .folderName(settings.folder());
  }
}
