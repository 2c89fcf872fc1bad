package nl.wijkhub.counts;

import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.DeliveryKind;
import nl.wijkhub.delivery.DeliveryRefused;
import nl.wijkhub.delivery.Layout;
import nl.wijkhub.delivery.PersonalData;
import nl.wijkhub.delivery.RawRow;
import nl.wijkhub.delivery.ReceiptNotes;
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

  @Override
  public RowHandler begin(Delivery delivery, EventTransaction tx, ReceiptNotes receipt) {
    Partner partner = reference.partner(delivery.partnerId()).orElseThrow(() -> new IllegalArgumentException(
        "Channel passed a delivery of unknown partner " + delivery.partnerId()));
    return (row, problems) -> {
      screen(row);
      IndicatorObservation observation = validator.validate(row, delivery, partner, problems);
      if (observation == null) {
        return false;
      }
      tx.send(Topics.INDICATORS, Topics.keyOf(observation), observation);
      return true;
    };
  }

  /**
   * Refuses the whole delivery when a text cell holds a number that passes the BSN 11-test: counts are never about
   * one person, so this is a signal sent down the wrong path. {@code waarde} is a figure and not looked at.
   */
  private static void screen(RawRow row) {
    for (var column : CountColumns.LAYOUT.columns()) {
      if (column != CountColumns.WAARDE && PersonalData.holdsBsn(row.text(column))) {
        throw new DeliveryRefused(PersonalData.refusal(row.line(), column.header()));
      }
    }
  }
}
