package nl.wijkhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutomaticMailTest {

  @ParameterizedTest(name = "{0}: {1} -> automatic {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Auto-Submitted | auto-replied                     | true
      Auto-Submitted | auto-generated; owner-email=x@y  | true
      Auto-Submitted | No                               | false
      Precedence     | bulk                             | true
      Precedence     | List                             | true
      Precedence     | junk                             | true
      Precedence     | first-class                      | false
      Return-Path    | <>                               | true
      Return-Path    | <tellingen@dbieb.example>        | false
      X-Mailer       | Outlook                          | false
      """)
  void headersOfAutoRepliesBouncesAndListMailMarkTheMessageAutomatic(String header, String value, boolean automatic)
      throws MessagingException {
    MimeMessage mail = mail("tellingen@dbieb.example");
    mail.setHeader(header, value);

    assertThat(AutomaticMail.isAutomatic(mail)).isEqualTo(automatic);
  }

  @ParameterizedTest(name = "{0} -> automatic {1}")
  @CsvSource({"MAILER-DAEMON@mx.dbieb.example, true", "mailer-daemon, true", "tellingen@dbieb.example, false"})
  void bouncesFromTheMailerDaemonAreAutomatic(String from, boolean automatic) throws MessagingException {
    assertThat(AutomaticMail.isAutomatic(mail(from))).isEqualTo(automatic);
  }

  @ParameterizedTest(name = "Return-Path ''{0}'' -> automatic")
  @CsvSource(value = {"''", "'  '"})
  void anEmptyReturnPathIsABounce(String value) throws MessagingException {
    MimeMessage mail = mail("tellingen@dbieb.example");
    mail.setHeader("Return-Path", value);

    assertThat(AutomaticMail.isAutomatic(mail)).isTrue();
  }

  private static MimeMessage mail(String from) throws MessagingException {
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
    mail.setFrom(new InternetAddress(from));
    return mail;
  }
}
