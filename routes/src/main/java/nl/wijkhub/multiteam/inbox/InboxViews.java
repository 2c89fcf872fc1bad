package nl.wijkhub.multiteam.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the inbox shows, in the API's JSON and on the pages alike. */
public final class InboxViews {

  private InboxViews() {}

  /**
   * A routed signal in the list: no identity and no content, which only {@link OpenedSignal} holds.
   *
   * @param withdrawn the supplier withdrew it; it can no longer be opened
   * @param corrected the supplier corrected it; the list shows the correction
   */
  public record SignalItem(String signalId, String supplier, String supplierName, String signalType, String wijk,
      LocalDate signalDate, String urgency, Instant routedAt, boolean withdrawn, boolean corrected,
      ItemStatus status) {}

  /**
   * A match: which suppliers signalled about one person inside the window, never what or why. In the list without
   * contacts; opened, with the contact professional of each signal.
   */
  public record MatchItem(String matchId, boolean open, int revision, List<MatchedSupplier> signals,
      LocalDate openUntil, Instant updatedAt, ItemStatus status) {}

  /** One signal of a match; the contact only once the match is opened. */
  public record MatchedSupplier(String signalId, String supplier, String supplierName, LocalDate signalDate,
      String professionalName, String professionalContact) {}

  /** A signal opened by a member: identity and content as far as the covenant lets them through. */
  public record OpenedSignal(SignalItem signal, String bsn, String name, LocalDate dateOfBirth, String address,
      String professionalName, String professionalContact, String note) {}
}
