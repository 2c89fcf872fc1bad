package nl.wijkhub.reference;

import java.util.List;

/**
 * An organisation that delivers data. {@code wijken} is its working area: {@code *} for the whole programme or a
 * list of wijk codes. {@code mailFrom} lists the sender addresses the e-mail channel accepts for it (none: it does not
 * deliver by e-mail). {@code sftp} is the partner's own SFTP server the hub polls, or null.
 */
public record Partner(String id, String name, String programme, String sector, List<String> wijken,
    List<String> mailFrom, SftpLocation sftp) {

  public static final String ALL_WIJKEN = "*";

  public Partner {
    wijken = wijken == null ? List.of(ALL_WIJKEN) : List.copyOf(wijken);
    mailFrom = mailFrom == null ? List.of() : List.copyOf(mailFrom);
  }

  public boolean worksIn(String wijkCode) {
    return wijken.contains(ALL_WIJKEN) || wijken.contains(wijkCode);
  }
}
