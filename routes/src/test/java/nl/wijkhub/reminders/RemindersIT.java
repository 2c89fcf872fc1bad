package nl.wijkhub.reminders;

import static nl.wijkhub.support.MailDriver.attachment;
import static nl.wijkhub.support.MailDriver.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.wijkhub.completeness.Arrivals;
import nl.wijkhub.completeness.DeliveryCalendar;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.support.MailDriver;
import nl.wijkhub.support.SettableClock;
import nl.wijkhub.support.TestInfrastructure;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reminders end to end: the scheduled route on a clock the test moves, the delivery calendar of the embedded
 * default, the store filled through the real broker, the ledger in PostgreSQL and the mail through GreenMail's SMTP.
 * DBieb owes taalmaatjes-gekoppeld every year by 31 January; the year 2060 is used by no other test.
 */
@SpringBootTest
@ExtendWith(TestInfrastructure.class)
// Closed after the class, so that its scheduler, on a clock in 2061, does not keep running beside later classes.
@DirtiesContext
class RemindersIT {

  private static final String DBIEB = "tellingen@dbieb.example";
  private static final String SUBJECT = "Herinnering";
  private static final String FIGURE = "Taalmaatjes gekoppeld via DBieb (taalmaatjes-gekoppeld), periode 2060";
  private static final MailDriver MAIL = new MailDriver();
  private static final SettableClock CLOCK = new SettableClock(Instant.parse("2061-01-20T08:00:00Z"));

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    SettableClock testClock() {
      return CLOCK;
    }
  }

  @DynamicPropertySource
  static void hub(DynamicPropertyRegistry registry) throws IOException {
    Map<String, String> props = TestInfrastructure.hubProperties(Files.createTempDirectory("wijkhub-reminders-it"),
        TestInfrastructure.isolation());
    props.putAll(MAIL.hubProperties());
    props.put("wijkhub.reminders.enabled", "true");
    props.put("wijkhub.reminders.interval", "300ms");
    props.forEach((k, v) -> registry.add(k, () -> v));
  }

  @AfterAll
  static void stopMailServer() {
    MAIL.close();
  }

  @Autowired
  CamelContext camel;
  @Autowired
  DataSource dataSource;
  @Autowired
  DeliveryCalendar calendar;
  @Autowired
  Arrivals arrivals;
  @Autowired
  ReferenceData reference;

  @Test
  void partnerGetsOneDigestADayUntilTheFigureArrivesAndNoneTwiceAfterARestart() throws Exception {
    MimeMessage first = await().atMost(TestInfrastructure.STORE_CATCH_UP)
        .until(() -> MAIL.repliesTo(DBIEB, SUBJECT), mails -> !mails.isEmpty()).get(0);
    assertThat(first.getSubject()).isEqualTo("Herinnering: cijfers voor het programma aanleveren");
    assertThat(first.getFrom()[0].toString()).isEqualTo(MailDriver.HUB);
    assertThat(first.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(body(first)).startsWith("Beste DBieb,")
        .contains(FIGURE + ": uiterlijk 31 januari 2061 (nog 11 dagen)");

    runsAtLeast(3);
    assertThat(MAIL.repliesTo(DBIEB, SUBJECT)).as("one mail a day, however often the route runs").hasSize(1);

    ReminderRun restarted = new ReminderRun(calendar, arrivals, new JdbcReminderLedger(dataSource, CLOCK),
        reference, CLOCK, ZoneId.of("Europe/Amsterdam"));
    assertThat(restarted.due()).as("a restarted hub reads what was sent from the database")
        .noneMatch(mail -> mail.digest().partner().equals("dbieb"));

    CLOCK.set(Instant.parse("2061-01-28T08:00:00Z"));
    await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() -> MAIL.repliesTo(DBIEB, SUBJECT).size() == 2);
    assertThat(body(MAIL.repliesTo(DBIEB, SUBJECT).get(1)))
        .contains(FIGURE + ": uiterlijk 31 januari 2061 (nog 3 dagen)")
        .as("older years were reminded on their last moment already").doesNotContain("periode 2059");

    MAIL.deliver(message(DBIEB, MailDriver.HUB, "Tellingen 2060", attachment("tellingen.csv",
        "indicator;wijk;periode;waarde;toelichting\ntaalmaatjes-gekoppeld;Bilgaard;2060;12;\n")));
    MAIL.awaitReply(DBIEB, "Tellingen 2060");
    await().atMost(TestInfrastructure.STORE_CATCH_UP).until(() -> arrivals.arrivals("leeuwarden-oost").stream()
        .anyMatch(a -> a.partner().equals("dbieb") && a.period().equals("2060") && a.channel().equals("EMAIL")));

    CLOCK.set(Instant.parse("2061-02-02T08:00:00Z"));
    runsAtLeast(3);
    assertThat(MAIL.repliesTo(DBIEB, SUBJECT)).as("no reminder once the figure arrived").hasSize(2);
  }

  /** Waits until the route has run that many more times, each a full look for reminders. */
  private void runsAtLeast(int runs) {
    NotifyBuilder done = new NotifyBuilder(camel).fromRoute(ReminderRoute.ROUTE_ID).whenCompleted(runs).create();
    assertThat(done.matches(60, TimeUnit.SECONDS)).isTrue();
  }

  private static String body(MimeMessage mail) throws Exception {
    return String.valueOf(mail.getContent());
  }
}
