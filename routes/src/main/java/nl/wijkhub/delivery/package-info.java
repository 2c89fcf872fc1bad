/**
 * The one delivery path every channel and every kind converges on ({@code direct:deliveries}): one delivery at a
 * time, idempotency and duplicate checks, admission (size, format), the readers (CSV, JSON or the first sheet of an
 * .xlsx workbook, streamed) for the columns of the delivery's {@link nl.wijkhub.delivery.DeliveryKind}, one Kafka
 * transaction with the kind's events, the rejections and the receipt, and the receipt as the partner reads it. No
 * channel parses or validates on its own; what is particular to counts lives in {@code nl.wijkhub.counts}.
 */
package nl.wijkhub.delivery;
