package nl.wijkhub.delivery;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Guesses how a partner's text file is encoded. A byte order mark decides at once: UTF-8, or UTF-16 as Excel's
 * "Unicode-tekst" export writes it (little-endian, tab-separated); otherwise the first block is tried as UTF-8, and anything that is not valid UTF-8 is taken as Windows-1252, what Excel's "CSV" export writes
 * on Dutch Windows. Should invalid UTF-8 appear only later in the file, decoding reports it and the caller reads
 * the file again as Windows-1252.
 */
public final class CharsetSniffer {

  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int SAMPLE = 64 * 1024;
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] BOM_UTF16LE = {(byte) 0xFF, (byte) 0xFE};
  private static final byte[] BOM_UTF16BE = {(byte) 0xFE, (byte) 0xFF};

  private CharsetSniffer() {}

  /** Looks at the start of the stream (which must support mark), skips a BOM, and returns the charset to read with. */
  public static Charset detect(BufferedInputStream in) throws IOException {
    in.mark(SAMPLE);
    byte[] sample = in.readNBytes(SAMPLE);
    in.reset();
    Charset marked = byteOrderMark(in, sample);
    if (marked != null) {
      return marked;
    }
    return isUtf8(sample) ? StandardCharsets.UTF_8 : WINDOWS_1252;
  }

  /**
   * The charset a byte order mark at the start of the stream names, with the mark skipped, or null (and nothing
   * skipped) when there is none. A BOM is certain, so a forced re-read honours it too.
   */
  public static Charset byteOrderMark(BufferedInputStream in) throws IOException {
    in.mark(BOM.length);
    byte[] start = in.readNBytes(BOM.length);
    in.reset();
    return byteOrderMark(in, start);
  }

  private static Charset byteOrderMark(BufferedInputStream in, byte[] start) throws IOException {
    if (startsWith(start, BOM)) {
      in.skipNBytes(BOM.length);
      return StandardCharsets.UTF_8;
    }
    if (startsWith(start, BOM_UTF16LE)) {
      in.skipNBytes(BOM_UTF16LE.length);
      return StandardCharsets.UTF_16LE;
    }
    if (startsWith(start, BOM_UTF16BE)) {
      in.skipNBytes(BOM_UTF16BE.length);
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
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
