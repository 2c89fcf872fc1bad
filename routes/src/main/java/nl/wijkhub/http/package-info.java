/**
 * Channel: the HTTP API for partners' systems. {@code POST /api/v1/submissions} takes a delivery (CSV, JSON or
 * XLSX, as the body or a multipart upload), spools it and hands it to the one normalisation path; the answer is the
 * committed receipt. Owns authentication with per-partner API keys (stored hashed, two valid at a time for
 * rotation), the per-partner rate limit, RFC 9457 problem answers in Dutch and the OpenAPI description.
 */
package nl.wijkhub.http;
