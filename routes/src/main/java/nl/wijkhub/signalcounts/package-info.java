/**
 * The signal aggregates of the dashboard: a Kafka Streams topology ({@link nl.wijkhub.signalcounts.SignalCountStreams})
 * that counts routed signals per covenant, signal type, wijk and month from the covenants' topics, and answers the
 * dashboard's {@link nl.wijkhub.dashboard.SignalCountSource} from its state store.
 *
 * <p>It lives outside {@code multiteam} on purpose: it is no recipient and opens nothing. It reads only the fields of
 * a {@code RoutedSignal} that name no person (covenant, signal id, kind, routing time, type, wijk, date or key
 * period); the first step of the topology reduces each record to those, so that pseudonyms and ciphertext never reach
 * its repartition topic, state or changelog. {@code PrivacyArchitectureTest} proves that this package neither
 * decrypts nor reads the personal fields.
 */
package nl.wijkhub.signalcounts;
