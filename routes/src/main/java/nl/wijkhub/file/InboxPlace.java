package nl.wijkhub.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import nl.wijkhub.connectors.dropfolder.DropFolder;

/**
 * Where a picked-up file sits in the inbox, and whether the hub reads files there. Read are {@code inbox/<partner>/}
 * and the sub-folders in {@link #READ_SUBFOLDERS} (the trial folder {@code proef/} and the signals folder
 * {@code signalen/}). Anything else (a file in the inbox root, in another sub-folder or nested deeper)
 * and anything reached through a symbolic link is refused, so it goes to quarantine with a reason instead of
 * waiting in the inbox for ever. Links are never followed: they could point anywhere on the hub's disk.
 *
 * @param partnerId the partner folder's name; empty when the file is in the inbox root
 * @param trial whether the file is in the partner's trial folder
 * @param signals whether the file is in (or below) the partner's signals folder: personal data, so never kept
 * @param refused what to move to quarantine instead of reading: the file or the link on its path
 * @param reason why, in Dutch for the programme employee who reads the quarantine; empty when the file is read
 */
record InboxPlace(String partnerId, boolean trial, boolean signals, Path refused, Optional<String> reason) {

  /** Signals (personal data, under a covenant) are delivered in {@code inbox/<partner>/signalen/}. */
  static final String SIGNALS = "signalen";
  static final Set<String> READ_SUBFOLDERS = Set.of(DropFolder.TRIAL, SIGNALS);

  static InboxPlace of(Path inbox, Path file) {
    Path relative = inbox.relativize(file);
    for (int depth = 1; depth <= relative.getNameCount(); depth++) {
      Path step = inbox.resolve(relative.subpath(0, depth));
      if (Files.isSymbolicLink(step)) {
        return refused(relative, step, "'" + relative.subpath(0, depth) + "' is een symbolische koppeling (link)."
            + " De hub volgt geen koppelingen; zet het bestand zelf in de map van de partner.");
      }
    }
    if (relative.getNameCount() == 1) {
      return refused(relative, file, "Het bestand staat direct in de map inbox/ en hoort bij geen partner. Lever"
          + " aan in inbox/<partner-id>/ (zie config/partners.yaml).");
    }
    boolean readSubfolder = relative.getNameCount() == 3
        && READ_SUBFOLDERS.contains(relative.getName(1).toString());
    if (relative.getNameCount() > 2 && !readSubfolder) {
      return refused(relative, file, "De map '" + relative.getParent() + "' wordt niet gelezen. Lever aan in de map"
          + " van de partner zelf, in de submap '" + DropFolder.TRIAL + "' voor een proefaanlevering of in de submap '"
          + SIGNALS + "' voor signalen.");
    }
    boolean inSubfolder = relative.getNameCount() == 3;
    boolean signals = inSubfolder && relative.getName(1).toString().equals(SIGNALS);
    return new InboxPlace(relative.getName(0).toString(), inSubfolder && !signals, signals, file, Optional.empty());
  }

  private static InboxPlace refused(Path relative, Path what, String reason) {
    String partner = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
    boolean signals = relative.getNameCount() > 2 && relative.getName(1).toString().equals(SIGNALS);
    return new InboxPlace(partner, false, signals, what, Optional.of(reason));
  }
}
