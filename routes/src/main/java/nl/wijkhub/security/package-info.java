/**
 * Security: who may call what. One Spring Security configuration for every page and endpoint: partners by API key,
 * people by a local user file (bcrypt; the embedded default and tests) or OpenID Connect (production), each ending
 * in one {@link nl.wijkhub.security.HubPrincipal} that controllers take as a parameter. {@link
 * nl.wijkhub.security.AccessRules} is the one table of paths and roles; anything it does not list is denied.
 */
package nl.wijkhub.security;
