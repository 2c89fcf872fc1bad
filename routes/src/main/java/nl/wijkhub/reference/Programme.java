package nl.wijkhub.reference;

import java.util.List;

/**
 * A neighbourhood programme (e.g. Leeuwarden Oost) and its wijken. {@code municipality} is the data controller
 * that owns it: its staff and privacy officer never see another municipality's programmes.
 */
public record Programme(String id, String name, String municipality, List<Wijk> wijken) {

  /** A wijk with the names partners use for it; matching ignores case, accents and punctuation. */
  public record Wijk(String code, String name, List<String> aliases) {

    public Wijk {
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
  }

  public Programme {
    wijken = wijken == null ? List.of() : List.copyOf(wijken);
  }
}
