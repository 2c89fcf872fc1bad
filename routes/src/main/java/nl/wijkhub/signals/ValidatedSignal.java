package nl.wijkhub.signals;

import nl.wijkhub.events.RoutedSignalKind;
import nl.wijkhub.events.Signal;

/**
 * A row that passed validation: the signal in clear (never published as is) and whether it is new, corrects or
 * withdraws the supplier's earlier signal with the same id.
 */
record ValidatedSignal(Signal signal, RoutedSignalKind action) {}
