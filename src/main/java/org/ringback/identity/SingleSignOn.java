package org.ringback.identity;

import java.io.IOException;
import java.io.Serial;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on with the organisation's OpenID Connect provider, for the staff pages only, wired when
 * {@code ringback.oidc.issuer-uri} is set (see {@link OidcProperties}). The provider proves who someone is; Ringback
 * still decides what they may do: the ID token's username claim must name an existing, enabled and unlocked Ringback
 * user, whose roles and practices apply. Nobody is created from a token: an unknown user is refused.
 * Everything the flow keeps between requests (its state, the signed-in user) is in the HTTP session, so in
 * PostgreSQL: the provider may send the browser back to any instance.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnExpression("'${ringback.oidc.issuer-uri:}' != ''")
class SingleSignOn {

    static final String REGISTRATION_ID = "oidc";
    /** The error code of a refused sign-in: the token is good, but it names no active Ringback user. */
    static final String NOT_A_USER = "ringback_not_a_user";
    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

    @Bean
    ClientRegistrationRepository oidcClientRegistrations(OidcProperties properties) {
        return new DiscoveredRegistration(properties);
    }

    @Bean
    OidcSignIn oidcSignIn(ClientRegistrationRepository oidcClientRegistrations, Users users, Clock clock, OidcProperties properties) {
        return new OidcSignIn(oidcClientRegistrations, users, clock, properties);
    }

    /** Adds the provider's sign-in to a filter chain (the staff pages'). */
    static final class OidcSignIn {

        private final ClientRegistrationRepository registrations;
        private final Users users;
        private final Clock clock;
        private final OidcProperties properties;
        private final OidcUserService provider = new OidcUserService();

        OidcSignIn(ClientRegistrationRepository registrations, Users users, Clock clock, OidcProperties properties) {
            this.registrations = registrations;
            this.users = users;
            this.clock = clock;
            this.properties = properties;
        }

        void applyTo(HttpSecurity http) throws Exception {
            http.oauth2Login(login -> login
                    .loginPage("/login")
                    .clientRegistrationRepository(registrations)
                    // In the session (so in PostgreSQL), not in this instance's memory.
                    .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(this::signIn))
                    .defaultSuccessUrl("/", false)
                    .failureHandler(OidcSignIn::failed));
        }

        /** The provider's user, as the Ringback user its username claim names; refused when there is none. */
        OidcUser signIn(OidcUserRequest request) {
            OidcUser fromProvider = provider.loadUser(request);
            CurrentUser user = username(fromProvider)
                    .flatMap(users::findDetails)
                    .map(details -> details.at(clock.instant()))
                    .filter(details -> details.isEnabled() && details.isAccountNonLocked())
                    .map(RingbackUserDetails::user)
                    .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(NOT_A_USER,
                            "The identity provider's user is not an active Ringback user", null)));
            return new RingbackOidcUser(user, fromProvider);
        }

        private Optional<String> username(OidcUser fromProvider) {
            String claim = properties.usernameClaim();
            if ("email".equals(claim) && !Boolean.TRUE.equals(fromProvider.getEmailVerified())) {
                return Optional.empty();
            }
            return Optional.ofNullable(fromProvider.getClaimAsString(claim)).filter(name -> !name.isBlank());
        }

        private static void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
            boolean refused = e instanceof OAuth2AuthenticationException oauth && NOT_A_USER.equals(oauth.getError().getErrorCode());
            if (!refused) {
                // The error code only: the provider's description may quote the user.
                log.warn("Single sign-on failed: {}", e instanceof OAuth2AuthenticationException oauth
                        ? oauth.getError().getErrorCode() : e.getClass().getSimpleName());
            }
            response.sendRedirect(request.getContextPath() + (refused ? "/login?refused" : "/login?sso-failed"));
        }
    }

    /** A user signed in through the provider: the provider's token, and the Ringback user's roles and practices. */
    static final class RingbackOidcUser extends DefaultOidcUser implements SignedInUser {

        @Serial
        private static final long serialVersionUID = 1L;

        private final CurrentUser user;

        RingbackOidcUser(CurrentUser user, OidcUser fromProvider) {
            super(RingbackUserDetails.authorities(user), fromProvider.getIdToken(), fromProvider.getUserInfo());
            this.user = user;
        }

        @Override
        public CurrentUser user() {
            return user;
        }

        /** The Ringback username, as sign-in events, the lock-out and the audit trail know the user. */
        @Override
        public String getName() {
            return user.username();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RingbackOidcUser oidc && oidc.user.equals(user) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return user.hashCode();
        }
    }

    /**
     * The provider's endpoints and keys, read from its discovery document on first use rather than at start, so
     * Ringback starts (and password sign-in works) while the provider is unreachable.
     */
    static final class DiscoveredRegistration implements ClientRegistrationRepository {

        private final OidcProperties properties;
        private volatile ClientRegistration registration;

        DiscoveredRegistration(OidcProperties properties) {
            this.properties = properties;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!REGISTRATION_ID.equals(registrationId)) {
                return null;
            }
            ClientRegistration known = registration;
            if (known == null) {
                known = ClientRegistrations.fromOidcIssuerLocation(properties.issuerUri())
                        .registrationId(REGISTRATION_ID)
                        .clientId(properties.clientId())
                        .clientSecret(properties.clientSecret())
                        .scope("openid", "profile", "email")
                        .clientName(properties.name())
                        .build();
                registration = known;
            }
            return known;
        }
    }
}
