package nl.wijkhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.wijkhub.embedded.FreePorts;
import nl.wijkhub.events.ReceiptStatus;
import nl.wijkhub.events.SubmissionReceipt;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.DeliveryErrorHandling;
import nl.wijkhub.delivery.DeliveryRoute;
import nl.wijkhub.delivery.RetrySettings;
import nl.wijkhub.delivery.TransientRetries;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.support.MailDriver;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail route's commit and rollback on a real IMAP and SMTP server, with normalisation replaced by a stub that
 * fails once (as Kafka being unreachable would): the failed attempt must neither answer nor move the message, so the
 * next poll delivers it again.
 */
class MailRetryIT {

  private static final String HUB = MailDriver.HUB;
  private static final String DBIEB = "tellingen@dbieb.example";

  private MailDriver mail;
  private final DefaultCamelContext camel = new DefaultCamelContext();
  private final AtomicInteger attempts = new AtomicInteger();

  @TempDir
  Path spool;

  @AfterEach
  void stop() {
    camel.stop();
    mail.close();
  }

  @Test
  void aDeliveryThatFailsLeavesTheMessageUnansweredInTheInboxAndTheNextPollAnswersItOnce() throws Exception {
    mail = new MailDriver();
    MailSettings settings = new MailSettings(true, server(mail.imapPort()), server(mail.smtpPort()), "INBOX", "Verwerkt", "Quarantaine", Duration.ofMillis(200), HUB,
        "aanleveren+proef@wijkhub.example", "", false);
    MailIntake intake = new MailIntake(settings,
        new Senders(List.of(new Partner("dbieb", "DBieb", "oost", "bibliotheek", null, List.of(DBIEB), null))),
        new MailReplies(HUB, settings.trialAddress(), Clock.systemUTC()), spool, Clock.systemUTC());
    RetrySettings retry = new RetrySettings(Duration.ofMillis(100), 2, Duration.ofSeconds(1));
    camel.addRoutes(new DeliveryErrorHandling(retry,
        new TransientRetries(retry, new SimpleMeterRegistry(), Clock.systemUTC())));
    camel.addRoutes(normalisationFailingOnce());
    camel.addRoutes(new MailRoute(settings, intake));
    camel.start();

    mail.deliver(MailDriver.unauthenticated(DBIEB, HUB, "Tellingen", MailDriver.attachment("tellingen.csv",
        "indicator;wijk;periode;waarde\ntaalmaatjes-gekoppeld;Bilgaard;2024;7\n")));

    await().atMost(Duration.ofSeconds(60)).until(() -> mail.subjects("Verwerkt").size() == 1);
    assertThat(attempts).as("delivered again after the failure").hasValue(2);
    assertThat(mail.repliesTo(DBIEB, "Tellingen"))
        .as("one receipt, none for the failed attempt").singleElement()
        .satisfies(reply -> assertThat(reply.getSubject()).isEqualTo("Ontvangstbevestiging: Tellingen"));
    assertThat(mail.subjects("INBOX")).isEmpty();
    assertThat(spool).isEmptyDirectory();
  }

  private RouteBuilder normalisationFailingOnce() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from(DeliveryRoute.ENDPOINT).process(exchange -> {
          if (attempts.incrementAndGet() == 1) {
            throw new IllegalStateException("Kafka unreachable");
          }
          exchange.getMessage().setBody(receipt(exchange.getMessage().getBody(Delivery.class)));
        });
      }
    };
  }

  private static SubmissionReceipt receipt(Delivery delivery) {
    return SubmissionReceipt.newBuilder()
        .setSubmissionId(delivery.submissionId()).setPartner(delivery.partnerId()).setChannel(delivery.channel())
        .setSourceName(delivery.sourceName()).setSha256(delivery.sha256()).setStatus(ReceiptStatus.ACCEPTED)
        .setAccepted(1).setRejected(0).setErrors(List.of()).setErrorsOmitted(0)
        .setReceivedAt(delivery.receivedAt()).setCompletedAt(delivery.receivedAt()).build();
  }

  private static MailSettings.Server server(int port) {
    return new MailSettings.Server(FreePorts.LOOPBACK, port, HUB, MailDriver.PASSWORD, false);
  }
}
