package nl.wijkhub.reminders;

import java.time.Duration;
import nl.wijkhub.mail.MailSettings;
import org.apache.camel.Exchange;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * Every {@code interval} asks the {@link ReminderRun} which reminders are due and sends each as its own mail, so
 * that one refused address does not hold back the other partners; a mail that failed is not recorded and goes out
 * on a later run. {@code Auto-Submitted} (RFC 3834) keeps out-of-office replies from answering it.
 */
class ReminderRoute extends EndpointRouteBuilder {

  static final String ROUTE_ID = "reminders";
  private static final String MAIL = "wijkhubReminder";

  private final MailSettings mail;
  private final Duration interval;
  private final ReminderRun run;

  ReminderRoute(MailSettings mail, Duration interval, ReminderRun run) {
    this.mail = mail;
    this.interval = interval;
    this.run = run;
  }

  @Override
  public void configure() {
    from(scheduler(ROUTE_ID).delay(interval.toMillis()))
        .routeId(ROUTE_ID)
        .process(exchange -> exchange.getMessage().setBody(run.due()))
        .split(body())
          .process(ReminderRoute::compose)
          .to(outbox())
          .process(exchange -> run.sent(exchange.getProperty(MAIL, ReminderMail.class)))
        .end();
  }

  private static void compose(Exchange exchange) {
    ReminderMail reminder = exchange.getMessage().getBody(ReminderMail.class);
    exchange.setProperty(MAIL, reminder);
    exchange.getMessage().setHeader("To", String.join(", ", reminder.to()));
    exchange.getMessage().setHeader("Subject", reminder.digest().subject());
    exchange.getMessage().setHeader("Auto-Submitted", "auto-generated");
    exchange.getMessage().setBody(reminder.digest().body());
  }

  private EndpointProducerBuilder outbox() {
    MailSettings.Server smtp = mail.smtp();
    String authority = smtp.host() + ":" + smtp.port();
    return (smtp.ssl() ? smtps(authority) : smtp(authority))
        .username(smtp.user()).password(smtp.password())
        .from(mail.from())
        .advanced()
        .contentType("text/plain; charset=UTF-8");
  }
}
