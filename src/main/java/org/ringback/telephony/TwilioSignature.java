package org.ringback.telephony;

import java.util.Map;
import java.util.Optional;

import com.twilio.security.RequestValidator;

/**
 * Twilio's proof that it sent a webhook: {@code X-Twilio-Signature}, an HMAC-SHA1 under the account's auth token of
 * the URL Twilio called followed by the POST parameters sorted by name. Checked with the official SDK's validator.
 */
final class TwilioSignature {

    private TwilioSignature() {
    }

    static boolean valid(String authToken, String url, Map<String, String> params, Optional<String> signature) {
        if (signature.isEmpty() || signature.get().isBlank()) {
            return false;
        }
        return new RequestValidator(authToken).validate(url, params, signature.get());
    }

    /**
     * The URL Twilio called: the public base URL when one is configured (the app behind a proxy that terminates
     * TLS or rewrites the host), followed by the path and query as they arrived; else the URL as the app received it.
     */
    static String publicUrl(String publicBaseUrl, String requestUrl, String requestUri, Optional<String> query) {
        String base = publicBaseUrl.isBlank() ? requestUrl : stripSlash(publicBaseUrl) + requestUri;
        return query.filter(q -> !q.isEmpty()).map(q -> base + "?" + q).orElse(base);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
