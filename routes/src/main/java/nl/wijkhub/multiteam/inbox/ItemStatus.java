package nl.wijkhub.multiteam.inbox;

/** Where the MultiTeam is with an item of its inbox; an item no member touched yet is {@link #NIEUW}. */
public enum ItemStatus {
  NIEUW("nieuw"),
  IN_BEHANDELING("in behandeling"),
  AFGESLOTEN("afgesloten");

  private final String label;

  ItemStatus(String label) {
    this.label = label;
  }

  /** How a member reads it. */
  public String label() {
    return label;
  }
}
