package nl.wijkhub.reminders;

import java.time.Duration;
import nl.wijkhub.mail.MailSettings;
import nl.wijkhub.mail.OutgoingMail;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * Every {@code interval} asks the {@link ReminderRun} which reminders are due and sends each as its own mail, so
 * that one refused address does not hold back the other partners; a mail that failed is not recorded and goes out
 * on a later run.
 */
class ReminderRoute extends EndpointRouteBuilder {

  static final String ROUTE_ID = "reminders";
  private static final String MAIL = "wijkhubReminder";

  private final MailSettings.Server smtp;
  private final Duration interval;
  private final ReminderRun run;
  private final ReminderMessages messages;

  ReminderRoute(MailSettings.Server smtp, Duration interval, ReminderRun run, ReminderMessages messages) {
    this.smtp = smtp;
    this.interval = interval;
    this.run = run;
    this.messages = messages;
  }

  @Override
  public void configure() {
    from(scheduler(ROUTE_ID).delay(interval.toMillis()))
        .routeId(ROUTE_ID)
        .process(exchange -> exchange.getMessage().setBody(run.due()))
        .split(body())
          .process(exchange -> {
            ReminderMail reminder = exchange.getMessage().getBody(ReminderMail.class);
            exchange.setProperty(MAIL, reminder);
            exchange.getMessage().setBody(messages.compose(reminder));
          })
          .to(OutgoingMail.outbox(smtp))
          .process(exchange -> run.sent(exchange.getProperty(MAIL, ReminderMail.class)))
        .end();
  }
}
