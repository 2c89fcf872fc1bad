package nl.wijkhub.completeness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.springframework.core.io.DefaultResourceLoader;

/** The repository's reference data and a delivery calendar written by the test. */
final class CalendarFixture {

  static final ReferenceData REFERENCE = new ReferenceDataLoader(new DefaultResourceLoader()).load("file:../config/");

  private CalendarFixture() {}

  static DeliveryCalendar calendar(Path dir, String yaml) {
    try {
      Files.writeString(dir.resolve(DeliveryCalendarLoader.FILE), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DeliveryCalendarLoader(new DefaultResourceLoader()).load(dir.toUri().toString(), REFERENCE);
  }
}
