package nl.wijkhub.covenant;

import java.util.Arrays;
import java.util.Optional;

/**
 * The channels a covenant may allow for signals. E-mail is deliberately absent: a mailbox keeps copies outside the
 * hub's control, so a covenant naming it is refused at start-up.
 */
public enum Channel {
  API("api"), SFTP("sftp"), DROP_FOLDER("drop-folder");

  private final String code;

  Channel(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  static Optional<Channel> ofCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
  }
}
