package nl.wijkhub.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.wijkhub.HubSettings;
import nl.wijkhub.reference.ReferenceData;
import nl.wijkhub.reference.ReferenceDataLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The hub's one security configuration: two filter chains over {@link AccessRules}. The API chain
 * ({@code /api/**}, {@code /actuator/**}) is stateless: partners' API keys and the provider's access tokens as
 * {@code Authorization: Bearer}, local users by HTTP Basic, refusals as Dutch problems. The page chain has sessions
 * (15 minutes idle, server.servlet.session.timeout), CSRF protection, security headers, and logs people in with
 * the local user form or the OpenID Connect provider.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** The registration id of the organisation's identity provider: {@code /oauth2/authorization/wijkhub}. */
  static final String PROVIDER = "wijkhub";
  /** The hub's own Dutch login page ({@link LoginPage}) instead of Spring's generated English one. */
  static final String LOGIN_PAGE = "/login";
  private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

  /**
   * No observation around each of Spring Security's filters on every request: a measurable share of a signal's CPU
   * ({@code ./wijkhub bench --signals --jfr}), and nothing reads them. Denials keep their own counter.
   */
  @Bean
  SecurityObservationSettings noFilterObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  Principals principals(ReferenceData reference) {
    return new Principals(reference);
  }

  @Bean
  ApiKeys apiKeys(HubSettings hub, ApiKeySettings keys, SecuritySettings security, ReferenceData reference,
      ResourceLoader resources, Environment environment) {
    refuseDemoLoginsUnderProd(environment, keys, security, hub.referenceData());
    return ApiKeys.load(resources.getResource(ReferenceDataLoader.fileIn(hub.referenceData(), ApiKeys.FILE)),
        reference, keys.demoKeys());
  }

  @Bean
  LocalUsers localUsers(HubSettings hub, ApiKeySettings keys, SecuritySettings security, ReferenceData reference,
      Principals principals, ResourceLoader resources, Environment environment) {
    refuseDemoLoginsUnderProd(environment, keys, security, hub.referenceData());
    return LocalUsers.load(resources.getResource(ReferenceDataLoader.fileIn(hub.referenceData(), LocalUsers.FILE)),
        principals, reference, security.demoUsers());
  }

  @Bean
  Denials denials(MeterRegistry metrics) {
    return new Denials(metrics);
  }

  @Bean
  LoginAttempts loginAttempts(SecuritySettings security, MeterRegistry metrics) {
    return new LoginAttempts(security.failedLoginsPerMinute(), metrics);
  }

  /** Demo keys and demo users are public; under the prod profile the hub does not start with them. */
  static void refuseDemoLoginsUnderProd(Environment environment, ApiKeySettings keys, SecuritySettings security,
      String referenceData) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    if (keys.demoKeys()) {
      throw new IllegalStateException("wijkhub.api.demo-keys is true under the prod profile: every partner's key"
          + " would be the public demo-<partnerId>. Set WIJKHUB_API_DEMO_KEYS=false and list real keys in "
          + referenceData + ApiKeys.FILE + ".");
    }
    if (security.demoUsers()) {
      throw new IllegalStateException("wijkhub.security.demo-users is true under the prod profile: anyone could"
          + " log in as demo-beheer with password demo-beheer. Set WIJKHUB_SECURITY_DEMO_USERS=false and log"
          + " people in through OpenID Connect (WIJKHUB_OIDC_ISSUER).");
    }
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, ApiKeys keys, LocalUsers users, SecuritySettings security,
      Principals principals, LoginAttempts attempts, MeterRegistry metrics) throws Exception {
    ApiRefusals refusals = new ApiRefusals(attempts, metrics);
    BearerTokens bearer = new BearerTokens(keys, providerTokens(security.oidc(), principals));
    http.securityMatcher(AccessRules.API_PATHS)
        .authorizeHttpRequests(rules -> apply(rules, AccessRules.API))
        .authenticationManager(new ProviderManager(passwords(users)))
        .httpBasic(basic -> basic.authenticationEntryPoint(refusals))
        .oauth2ResourceServer(resource -> resource.authenticationManagerResolver(request -> bearer)
            .authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
        .exceptionHandling(handling -> handling.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        // Stateless calls with a header credential: no cookie a third-party page could ride on.
        .csrf(csrf -> csrf.disable())
        .addFilterBefore(new LoginThrottle(attempts), UsernamePasswordAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  SecurityFilterChain pages(HttpSecurity http, LocalUsers users, SecuritySettings security, Principals principals,
      LoginAttempts attempts, MeterRegistry metrics) throws Exception {
    AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
    DaoAuthenticationProvider passwords = passwords(users);
    // An authentication manager set on the chain replaces the one Spring would build from the configurers'
    // providers, so the provider's answer (the code for tokens, then the person) must be checked by a provider
    // listed here: without it every login through the provider failed with ProviderNotFoundException.
    Optional<ClientRegistration> provider = security.oidc().enabled()
        ? Optional.of(registration(security.oidc())) : Optional.empty();
    http.authenticationManager(provider.isEmpty() ? new ProviderManager(passwords) : new ProviderManager(passwords,
        new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
            people(new ProviderClaims(security.oidc(), principals)))));
    http.authorizeHttpRequests(rules -> apply(rules, AccessRules.PAGES))
        .formLogin(form -> form.loginPage(LOGIN_PAGE).failureHandler(failure(attempts, "form")))
        .logout(logout -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout"))
        .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, denied) -> {
          ApiRefusals.denied(request, metrics);
          forbidden.handle(request, response, denied);
        }))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none';"
                + " form-action 'self'; base-uri 'self'; object-src 'none'"))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .addFilterBefore(new LoginThrottle(attempts), UsernamePasswordAuthenticationFilter.class);
    if (provider.isPresent()) {
      // The same page for both: without it Spring sends people straight to the provider and a local user
      // (an operator, say) would have no way to the form.
      http.oauth2Login(login -> login.loginPage(LOGIN_PAGE)
          .clientRegistrationRepository(new InMemoryClientRegistrationRepository(provider.get()))
          .failureHandler(failure(attempts, "oidc")));
    }
    return http.build();
  }

  private static void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry,
      List<AccessRules.Rule> rules) {
    for (AccessRules.Rule rule : rules) {
      var matched = rule.method() == null ? registry.requestMatchers(rule.pattern())
          : registry.requestMatchers(rule.method(), rule.pattern());
      if (rule.access() == AccessRules.Access.ANYONE) {
        matched.permitAll();
      } else {
        matched.access(rule.access().manager());
      }
    }
    registry.anyRequest().denyAll();
  }

  /** Local users' passwords, checked by Spring Security's own provider (constant time, also for unknown names). */
  private static DaoAuthenticationProvider passwords(LocalUsers users) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(new BCryptPasswordEncoder());
    return provider;
  }

  private static SimpleUrlAuthenticationFailureHandler failure(LoginAttempts attempts, String method) {
    return new SimpleUrlAuthenticationFailureHandler(LOGIN_PAGE + "?error") {
      @Override
      public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
          AuthenticationException exception) throws IOException, ServletException {
        attempts.failed(request.getRemoteAddr(), method);
        // The provider's error code and description name what failed (nonce, issuer, no role), never the person.
        if (exception instanceof OAuth2AuthenticationException refused) {
          LOG.warn("Login through the identity provider refused: [{}] {}", refused.getError().getErrorCode(),
              refused.getError().getDescription());
        } else if (!(exception instanceof BadCredentialsException)) {
          // A fault of the hub's own set-up (no provider for the token, a provider that broke): its type says
          // which; a wrong password is the one failure that is not worth a warning.
          LOG.warn("Login ({}) failed inside the hub: {}", method, exception.getClass().getName());
        }
        super.onAuthenticationFailure(request, response, exception);
      }
    };
  }

  /** The provider's access tokens, when OpenID Connect is on: signed by it, issued by it, for this hub. */
  private static Optional<AuthenticationProvider> providerTokens(SecuritySettings.Oidc oidc, Principals principals) {
    if (!oidc.enabled()) {
      return Optional.empty();
    }
    ProviderClaims claims = new ProviderClaims(oidc, principals);
    // Resolved on first use, so that the hub starts while the provider is briefly away.
    SupplierJwtDecoder decoder = new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder nimbus = NimbusJwtDecoder.withIssuerLocation(oidc.issuer()).build();
      nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(
          oidc.issuer()), new JwtClaimValidator<Collection<String>>("aud",
          audience -> audience != null && audience.contains(oidc.clientId()))));
      return nimbus;
    });
    JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
    provider.setJwtAuthenticationConverter(jwt -> new HubAuthentication(claims.principal(jwt.getSubject(),
        jwt.getClaims())));
    return Optional.of(provider);
  }

  private static ClientRegistration registration(SecuritySettings.Oidc oidc) {
    return ClientRegistrations.fromIssuerLocation(oidc.issuer())
        .registrationId(PROVIDER)
        .clientName("Inloggen met uw organisatie-account")
        .clientId(oidc.clientId())
        .clientSecret(oidc.clientSecret())
        .scope("openid", "profile")
        .build();
  }

  /** The provider's person as the hub's principal; a person without any hub role cannot log in. */
  private static OAuth2UserService<OidcUserRequest, OidcUser> people(ProviderClaims claims) {
    OidcUserService standard = new OidcUserService();
    return request -> {
      OidcUser user = standard.loadUser(request);
      HubPrincipal hub = claims.principal(user.getSubject(), user.getClaims());
      if (hub.roles().isEmpty()) {
        throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", "No Wijkhub role in the group"
            + " claim", null));
      }
      return new HubOidcUser(hub, user.getIdToken(), user.getUserInfo());
    };
  }
}
