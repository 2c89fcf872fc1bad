package nl.wijkhub.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nl.wijkhub.completeness.Expectation;
import nl.wijkhub.completeness.ReminderDigest;
import org.junit.jupiter.api.Test;

/** The reminder as a complete mail: only the partner's addresses, the hub as sender, marked as automatic. */
class ReminderMessagesTest {

  @Test
  void reminderGoesToEveryAddressOfThePartnerOnlyAndSaysItIsAutomatic() throws Exception {
    Instant now = Instant.parse("2061-01-20T08:00:00Z");
    ReminderDigest digest = new ReminderDigest("dbieb", LocalDate.parse("2061-01-20"), "dbieb|2061-01-20",
        List.of("dbieb|taalmaatjes-gekoppeld|2060|P-14D"), List.of(new Expectation("leeuwarden-oost", "dbieb",
        "taalmaatjes-gekoppeld", "2060", LocalDate.parse("2061-01-31"), false)),
        "Herinnering: cijfers voor het programma aanleveren", "Beste DBieb,\n\nVan u hebben we één cijfer nog niet.");

    MimeMessage mail = new ReminderMessages("aanleveren@wijkhub.example", Clock.fixed(now, ZoneOffset.UTC))
        .compose(new ReminderMail(List.of("tellingen@dbieb.example", "monitoring@dbieb.example"), digest));

    assertThat(mail.getRecipients(RecipientType.TO)).extracting(Object::toString)
        .containsExactly("tellingen@dbieb.example", "monitoring@dbieb.example");
    assertThat(mail.getRecipients(RecipientType.CC)).isNull();
    assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("aanleveren@wijkhub.example");
    assertThat(mail.getSubject()).isEqualTo("Herinnering: cijfers voor het programma aanleveren");
    assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(mail.getSentDate().toInstant()).isEqualTo(now);
    assertThat(mail.getContent()).isEqualTo("Beste DBieb,\n\nVan u hebben we één cijfer nog niet.");
  }
}
