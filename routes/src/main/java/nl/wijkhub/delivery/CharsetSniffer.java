package nl.wijkhub.delivery;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Guesses how a partner's text file is encoded. A UTF-8 byte order mark decides at once; otherwise the first block
 * is tried as UTF-8, and anything that is not valid UTF-8 is taken as Windows-1252, what Excel's "CSV" export writes
 * on Dutch Windows. Should invalid UTF-8 appear only later in the file, decoding reports it and the caller reads
 * the file again as Windows-1252.
 */
public final class CharsetSniffer {

  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int SAMPLE = 64 * 1024;
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CharsetSniffer() {}

  /** Looks at the start of the stream (which must support mark), skips a BOM, and returns the charset to read with. */
  public static Charset detect(BufferedInputStream in) throws IOException {
    in.mark(SAMPLE);
    byte[] sample = in.readNBytes(SAMPLE);
    in.reset();
    if (sample.length >= 3 && sample[0] == BOM[0] && sample[1] == BOM[1] && sample[2] == BOM[2]) {
      in.skipNBytes(BOM.length);
      return StandardCharsets.UTF_8;
    }
    return isUtf8(sample) ? StandardCharsets.UTF_8 : WINDOWS_1252;
  }

  private static boolean isUtf8(byte[] sample) {
    // Only a full sample can have been cut inside a character; a shorter one is the whole file, and a Windows-1252
    // file ending in a letter like é (0xE9, a UTF-8 lead byte) must still count as not UTF-8.
    int end = sample.length < SAMPLE ? sample.length : withoutTruncatedTail(sample);
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(sample, 0, end));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The sample may end inside a multi-byte character; leave such a tail out of the check. */
  private static int withoutTruncatedTail(byte[] sample) {
    int end = sample.length;
    for (int back = 1; back <= 3 && end - back >= 0; back++) {
      int b = sample[end - back] & 0xFF;
      if (b >= 0xC0) {
        return end - back;
      }
      if (b < 0x80) {
        break;
      }
    }
    return end;
  }
}
