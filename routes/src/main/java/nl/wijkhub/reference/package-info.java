/**
 * Reference data: programmes with their wijken, partners and the indicator catalogue, read from YAML
 * ({@code config/*.yaml}) and validated at start-up so that a wrong entry stops the hub with a message naming file,
 * entry and fix instead of rejecting deliveries later.
 */
package nl.wijkhub.reference;
