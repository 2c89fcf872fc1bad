package nl.wijkhub.delivery;

import static nl.wijkhub.delivery.Fixtures.BOM;
import static nl.wijkhub.delivery.Fixtures.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CharsetSnifferTest {

  private static final int SAMPLE = 64 * 1024;

  private static BufferedInputStream stream(byte[] bytes) {
    return new BufferedInputStream(new ByteArrayInputStream(bytes), SAMPLE);
  }

  private static Charset detect(byte[] bytes) throws IOException {
    return CharsetSniffer.detect(stream(bytes));
  }

  private static byte[] ascii(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) 'a');
    return bytes;
  }

  @Test
  void byteOrderMarkMeansUtf8AndIsSkipped() throws IOException {
    BufferedInputStream in = stream(concat(BOM, "indicator".getBytes(StandardCharsets.UTF_8)));

    assertThat(CharsetSniffer.detect(in)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("indicator");
  }

  @Test
  void validUtf8WithoutByteOrderMarkIsUtf8AndTheStreamStartsAtTheBeginning() throws IOException {
    BufferedInputStream in = stream("café;Fryslân".getBytes(StandardCharsets.UTF_8));

    assertThat(CharsetSniffer.detect(in)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("café;Fryslân");
  }

  @Test
  void plainAsciiIsReadAsUtf8() throws IOException {
    assertThat(detect("indicator;wijk".getBytes(StandardCharsets.US_ASCII))).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void emptyStreamIsReadAsUtf8() throws IOException {
    assertThat(detect(new byte[0])).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void windows1252AccentInTheFirstBlockMeansWindows1252() throws IOException {
    byte[] bytes = concat("caf".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9, ';', 'x', '\r', '\n'});

    assertThat(detect(bytes)).isEqualTo(CharsetSniffer.WINDOWS_1252);
  }

  @Test
  void windows1252AccentAsTheLastByteOfAShortFileMeansWindows1252() throws IOException {
    assertThat(detect(concat("caf".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9})))
        .isEqualTo(CharsetSniffer.WINDOWS_1252);
  }

  @Test
  void utf8CharacterCutOffByTheEndOfTheSampleStillCountsAsUtf8() throws IOException {
    // é in UTF-8 is C3 A9: the sample of 64 KiB ends after C3.
    byte[] bytes = concat(ascii(SAMPLE - 1), "é and more".getBytes(StandardCharsets.UTF_8));

    assertThat(detect(bytes)).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void windows1252BytePastTheSampleIsNotSeen() throws IOException {
    byte[] bytes = concat(ascii(SAMPLE + 10), new byte[] {(byte) 0xE9});

    assertThat(detect(bytes)).as("decoding reports it later; the caller reads again as Windows-1252")
        .isEqualTo(StandardCharsets.UTF_8);
  }
}
