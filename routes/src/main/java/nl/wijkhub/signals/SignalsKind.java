package nl.wijkhub.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.wijkhub.delivery.Delivery;
import nl.wijkhub.delivery.DeliveryKind;
import nl.wijkhub.delivery.Layout;
import nl.wijkhub.delivery.Problem;
import nl.wijkhub.delivery.RawRow;
import nl.wijkhub.delivery.ReceiptNotes;
import nl.wijkhub.publish.SubmissionPublisher.EventTransaction;
import nl.wijkhub.reference.Partner;
import nl.wijkhub.reference.ReferenceData;

/**
 * Signals as a delivery kind: each valid row is routed under its covenant to the covenant's recipients, with its
 * processing-log records, in the delivery's transaction. Nothing a partner wrote is ever quoted back.
 */
public final class SignalsKind implements DeliveryKind {

  private final ReferenceData reference;
  private final SignalValidator validator;
  private final SignalRouter router;
  private final SignalRegister register;

  SignalsKind(ReferenceData reference, SignalValidator validator, SignalRouter router, SignalRegister register) {
    this.reference = reference;
    this.validator = validator;
    this.router = router;
    this.register = register;
  }

  @Override
  public Delivery.Kind kind() {
    return Delivery.Kind.SIGNALS;
  }

  @Override
  public Layout layout() {
    return SignalColumns.LAYOUT;
  }

  /** A signal reaches its recipient once: the same content again, from any earlier delivery, is a duplicate. */
  @Override
  public boolean everyContentOnce() {
    return true;
  }

  @Override
  public RowHandler begin(Delivery delivery, EventTransaction tx, ReceiptNotes receipt) {
    Partner partner = reference.partner(delivery.partnerId()).orElseThrow(() -> new IllegalArgumentException(
        "Channel passed a delivery of unknown partner " + delivery.partnerId()));
    SignalOwnership ownership = new SignalOwnership(register);
    List<SignalRouter.Outcome> routed = new ArrayList<>();
    return new RowHandler() {
      @Override
      public boolean accept(RawRow row, List<Problem> problems) {
        return SignalsKind.this.accept(row, problems, delivery, tx, receipt, partner, ownership, routed);
      }

      /**
       * The signals its corrections and withdrawals refer to: checked against the register, which another delivery
       * of the same signal may change. New signals read nothing shared (their ids are the hub's, fresh), so one
       * partner's new signals may share a group and be checked outside the turn.
       */
      @Override
      public Set<String> checkedAgainst() {
        return ownership.checked();
      }

      /** The register learns at once what this delivery registered: the next correction is checked against it. */
      @Override
      public void committed() {
        routed.forEach(outcome -> register.committed(outcome.registration(), outcome.registered()));
      }
    };
  }

  private boolean accept(RawRow row, List<Problem> problems, Delivery delivery, EventTransaction tx,
      ReceiptNotes receipt, Partner partner, SignalOwnership ownership, List<SignalRouter.Outcome> routed) {
    ValidatedSignal signal = validator.validate(row, delivery, partner, problems);
    if (signal == null) {
      // Receiving a row about a person and refusing it is a processing step too, logged in the same transaction.
      router.refused(tx, partner.id(), problems.get(0).code(), null);
      return false;
    }
    Optional<Problem> notOwn = ownership.check(signal, row.line());
    if (notOwn.isPresent()) {
      problems.add(notOwn.get());
      router.refused(tx, partner.id(), notOwn.get().code(), signal.signal().getSignalId());
      return false;
    }
    SignalRouter.Outcome outcome = router.route(signal, delivery, tx, ownership.covenantOf(signal));
    if (outcome.refused().isPresent()) {
      SignalRouter.NotRouted notRouted = outcome.refused().get();
      problems.add(new Problem(row.line(), null, notRouted.code(), notRouted.message(), null));
      return false;
    }
    ownership.routed(outcome.registration());
    routed.add(outcome);
    receipt.reference(row.line(), signal.signal().getSignalId());
    return true;
  }
}
