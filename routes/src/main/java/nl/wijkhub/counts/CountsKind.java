package nl.wijkhub.counts;

import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.DeliveryKind;
import nl.wijkhub.delivery.Layout;
import nl.wijkhub.events.IndicatorObservation;
import nl.wijkhub.publish.SubmissionPublisher.EventTransaction;
import nl.wijkhub.publish.Topics;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;

/** Counts as a delivery kind: each valid row becomes one {@link IndicatorObservation} on the indicators topic. */
public final class CountsKind implements DeliveryKind {

  private final ReferenceData reference;
  private final CountValidator validator;

  public CountsKind(ReferenceData reference) {
    this.reference = reference;
    this.validator = new CountValidator(reference);
  }

  @Override
  public Delivery.Kind kind() {
    return Delivery.Kind.COUNTS;
  }

  @Override
  public Layout layout() {
    return CountColumns.LAYOUT;
  }

  /** Counts are aggregate: quoting what the partner wrote helps it find the mistake. */
  @Override
  public boolean quotesValues() {
    return true;
  }

  @Override
  public RowHandler begin(Delivery delivery, EventTransaction tx) {
    Partner partner = reference.partner(delivery.partnerId()).orElseThrow(() -> new IllegalArgumentException(
        "Channel passed a delivery of unknown partner " + delivery.partnerId()));
    return (row, problems) -> {
      IndicatorObservation observation = validator.validate(row, delivery, partner, problems);
      if (observation == null) {
        return false;
      }
      tx.send(Topics.INDICATORS, Topics.keyOf(observation), observation);
      return true;
    };
  }
}
