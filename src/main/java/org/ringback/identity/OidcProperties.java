package org.ringback.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Optional single sign-on with an organisation's OpenID Connect provider; off while {@code issuerUri} is empty.
 * The provider's user must already be a Ringback user: {@code usernameClaim} of the ID token is their username.
 *
 * @param issuerUri     the provider's issuer ({@code RINGBACK_OIDC_ISSUER_URI}); its discovery document says the rest
 * @param clientId      Ringback's client id at the provider
 * @param clientSecret  Ringback's client secret at the provider
 * @param name          the provider's name on the sign-in button ("Sign in with …")
 * @param usernameClaim the ID token claim that holds the Ringback username: {@code preferred_username} or
 *                      {@code email} (then only a verified email is accepted)
 */
@ConfigurationProperties("ringback.oidc")
public record OidcProperties(
        String issuerUri,
        String clientId,
        String clientSecret,
        @DefaultValue("your organisation") String name,
        @DefaultValue("preferred_username") String usernameClaim) {

    public OidcProperties {
        if (issuerUri != null && !issuerUri.isBlank() && (clientId == null || clientId.isBlank())) {
            throw new IllegalArgumentException("ringback.oidc.client-id is needed with ringback.oidc.issuer-uri");
        }
    }

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
