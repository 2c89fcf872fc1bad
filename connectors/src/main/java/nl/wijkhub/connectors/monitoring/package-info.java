/**
 * The monitoring store: where counts land for the dashboard and the yearly report. Idempotent writes (history keyed
 * by submission and line), latest revision wins for the current value, and queries for the API. Holds aggregate
 * counts only, never personal data.
 */
package nl.wijkhub.connectors.monitoring;
