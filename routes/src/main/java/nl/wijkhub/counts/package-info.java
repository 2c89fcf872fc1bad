/**
 * Counts as a kind of delivery: the columns of a count delivery, who may deliver which indicator, row validation
 * against the reference data, and the {@code IndicatorObservation} a valid row becomes. Everything a count delivery
 * shares with other kinds is the delivery path's ({@code nl.wijkhub.delivery}).
 */
package nl.wijkhub.counts;
