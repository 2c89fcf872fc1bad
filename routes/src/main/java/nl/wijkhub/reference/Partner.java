package nl.wijkhub.reference;

import java.util.List;

/**
 * An organisation that delivers data. {@code wijken} is its working area: {@code *} for the whole programme or a
 * list of wijk codes. {@code sftp} is the partner's own SFTP server the hub polls, or null.
 */
public record Partner(String id, String name, String programme, String sector, List<String> wijken,
    SftpLocation sftp) {

  public static final String ALL_WIJKEN = "*";

  public Partner {
    wijken = wijken == null ? List.of(ALL_WIJKEN) : List.copyOf(wijken);
  }

  public boolean worksIn(String wijkCode) {
    return wijken.contains(ALL_WIJKEN) || wijken.contains(wijkCode);
  }
}
