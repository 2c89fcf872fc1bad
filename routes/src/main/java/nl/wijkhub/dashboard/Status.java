package nl.wijkhub.dashboard;

/** How an indicator stands against its streefwaarde; the label is what the page and the report show. */
public enum Status {
  BEHAALD("behaald"),
  OP_KOERS("op koers"),
  ACHTER("achter"),
  GEEN_STREEFWAARDE("geen streefwaarde"),
  GEEN_CIJFER("nog geen cijfer"),
  ONBEPAALD("niet te bepalen");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
