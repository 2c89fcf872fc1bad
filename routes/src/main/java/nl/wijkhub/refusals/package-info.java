/**
 * Refusals the hub answers outside its controllers, in one format per audience: what Spring sends to the error page
 * ({@code /error}: unknown paths, wrong methods and media types, requests Spring Security's firewall rejects) and
 * what Tomcat rejects before Spring sees it (malformed or over-long request lines). Under {@code /api/**} and
 * {@code /actuator/**} that is a Dutch {@code application/problem+json}; everywhere else the Dutch error page. Neither
 * ever repeats what was asked nor shows a stack trace.
 */
package nl.wijkhub.refusals;
