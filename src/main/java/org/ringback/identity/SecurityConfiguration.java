package org.ringback.identity;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ringback.database.DatabaseOutage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * Five filter chains, most specific first: operations (/actuator), telephony webhooks (signed, no user), the
 * JSON and FHIR API (HTTP Basic, no session), the patients' public pages (/p, CSRF without a session) and the
 * staff pages (form sign-in). Practice membership is checked per id by {@link Identity}; roles for whole
 * endpoints here. {@code AccessMatrixIntegrationTest} calls every endpoint as every kind of user.
 * The chains exist only in a web application: the import and generate commands run without one.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Health for load balancers, open; metrics for operators: an admin's credentials, no session. */
    @Bean
    @ConditionalOnWebApplication
    @Order(0)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, HttpStatus.UNAUTHORIZED, "Sign in with an admin's username and password (HTTP Basic)", true)))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) ->
                        problem(response, HttpStatus.FORBIDDEN, "Only an admin may read the operations metrics", false)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Telephony webhooks carry no login: the telephony module checks Twilio's signature with the practice's token. */
    @Bean
    @ConditionalOnWebApplication
    @Order(1)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/webhooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @ConditionalOnWebApplication
    @Order(2)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/**", "/fhir/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::apiSignIn))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) ->
                                problem(response, HttpStatus.UNAUTHORIZED, "Sign in with a username and password (HTTP Basic)", true))
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, HttpStatus.FORBIDDEN, "Your role may not do this", false)))
                // Stateless: a browser session must not authenticate API calls, whose CSRF protection is off.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The API is for scripts and integrations with Basic credentials, not browser forms.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The patients' public pages (the web form): no sign-in, CSRF on, and no session: the token lives in a cookie
     * and the form, so any instance accepts the post and a slow patient's token does not expire with a session.
     * A post without a valid token is sent back to the form.
     */
    @Bean
    @ConditionalOnWebApplication
    @Order(3)
    SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/p/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(publicCsrfTokens()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> {
                    if (request.getRequestURI().endsWith("/callback")) {
                        response.sendRedirect(request.getRequestURI());
                    } else {
                        response.sendError(HttpStatus.FORBIDDEN.value());
                    }
                }))
                .build();
    }

    private static CookieCsrfTokenRepository staffCsrfTokens() {
        var tokens = new CookieCsrfTokenRepository();
        // Its own name: under the public pages' name both cookies would reach /p, and either could be read there.
        tokens.setCookieName("XSRF-TOKEN-STAFF");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /** Back to the form with {@code ?error}, which is all it shows: the failure is not kept in a new session. */
    private static SimpleUrlAuthenticationFailureHandler signInFailed() {
        var failed = new SimpleUrlAuthenticationFailureHandler("/login?error");
        failed.setAllowSessionCreation(false);
        return failed;
    }

    private static CookieCsrfTokenRepository publicCsrfTokens() {
        var tokens = new CookieCsrfTokenRepository();
        tokens.setCookiePath("/p");
        return tokens;
    }

    @Bean
    @ConditionalOnWebApplication
    @Order(4)
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<SingleSignOn.OidcSignIn> singleSignOn) throws Exception {
        // "Sign in with <provider>" besides the form, only when ringback.oidc.issuer-uri is set (SingleSignOn).
        SingleSignOn.OidcSignIn oidc = singleSignOn.getIfAvailable();
        if (oidc != null) {
            oidc.applyTo(http);
        }
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(signInFailed()).permitAll())
                // No session before a sign-in succeeds, so anonymous requests write nothing to the shared session
                // table: the sign-in form's CSRF token lives in a cookie, and so does the page asked for before it.
                .csrf(csrf -> csrf.csrfTokenRepository(staffCsrfTokens()))
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                // Scripts and styles only from our own files (no inline script can run); never inside a frame.
                // HSTS comes with Spring Security's defaults and is sent on HTTPS requests only.
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization: nothing reads the
     * {@code spring.security.*} timers, and they cost about a tenth of an API request's CPU (issue #9's intake
     * profile). Requests are still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** bcrypt (via the delegating encoder), with successful checks remembered for a minute: see {@link VerifiedPasswords}. */
    @Bean
    PasswordEncoder passwordEncoder(Clock clock) {
        return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), clock, VerifiedPasswords.TTL);
    }

    @Bean
    UserDetailsService userDetailsService(Users users, Clock clock) {
        return username -> users.findDetails(username).map(details -> details.at(clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }

    /** 401 asking for credentials, unless they could not be checked because the database is down: then 503. */
    private static void apiSignIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (DatabaseOutage.causedBy(e)) {
            response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            problem(response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE, false);
            return;
        }
        problem(response, HttpStatus.UNAUTHORIZED, "Sign in with a username and password (HTTP Basic)", true);
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail, boolean challenge) throws IOException {
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Ringback\"");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("""
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s"}""".formatted(status.getReasonPhrase(), status.value(), detail));
    }
}
