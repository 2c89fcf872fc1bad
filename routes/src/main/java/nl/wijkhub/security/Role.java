package nl.wijkhub.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a caller is to the hub. The id is how a role is written in the user file and in the identity provider's
 * group claim ({@code staff:leeuwarden-oost}); the authority is what Spring Security checks.
 */
public enum Role {
  /** A delivering organisation, by API key or login; scope: its partner id. */
  PARTNER("partner"),
  /** The programme office; scope: a programme id. */
  STAFF("staff"),
  /** Runs the hub: health details, metrics, dead letters, store rebuild; no scope. */
  OPERATOR("operator"),
  /** A member of a MultiTeam; scope: a covenant id. Needs a second factor. */
  MULTITEAM("multiteam"),
  /** The municipality's privacy officer (FG); scope: a municipality id. Needs a second factor. */
  PRIVACY_OFFICER("privacy-officer");

  private final String id;

  Role(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public String authority() {
    return "ROLE_" + name();
  }

  /** Whether the role is given only with a scope (a partner, programme, covenant or municipality). */
  public boolean scoped() {
    return this != OPERATOR;
  }

  static Optional<Role> ofId(String id) {
    return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
  }
}
