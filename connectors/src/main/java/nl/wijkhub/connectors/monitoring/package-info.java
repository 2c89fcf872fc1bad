/**
 * The monitoring store: where counts land for the dashboard and the yearly report. Idempotent writes (history keyed
 * by submission and line), each partner's latest revision is its current value, a figure is the sum over partners,
 * and queries for the API. Holds aggregate counts only, never personal data.
 */
package nl.wijkhub.connectors.monitoring;
