package org.ringback.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ringback.support.AppInstance;
import org.ringback.support.Fixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Single sign-on with OpenID Connect against a small identity provider in the test (discovery, keys, the
 * authorization and token endpoints, an RS256-signed ID token): the authorization-code flow over real HTTP signs
 * an existing Ringback user in with their roles; a provider's user who is not a Ringback user is refused.
 */
class SingleSignOnIntegrationTest {

    private static final String CLIENT_ID = "ringback";
    private static final String CLIENT_SECRET = "ringback-secret";

    private static FakeProvider provider;
    private static AppInstance app;

    @BeforeAll
    static void start() throws Exception {
        provider = FakeProvider.start();
        app = AppInstance.start(Map.of(
                "ringback.database.data-dir", "target/it-data/sso-" + UUID.randomUUID(),
                "ringback.data-dir", "target/it-data",
                "ringback.oidc.issuer-uri", provider.issuer(),
                "ringback.oidc.client-id", CLIENT_ID,
                "ringback.oidc.client-secret", CLIENT_SECRET,
                "ringback.oidc.name", "Acme ID"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.stop();
        }
    }

    @Test
    void theProvidersUserSignsInAsTheRingbackUserOfTheSameName() {
        var fixtures = new Fixtures(app.port());
        var practice = fixtures.practice();
        var staff = fixtures.staff(practice.id());
        var browser = new Browser();

        HttpResponse<String> login = browser.get(app("/login"));
        assertThat(login.body()).contains("Sign in with Acme ID").contains("href=\"/oauth2/authorization/oidc\"");
        assertThat(login.headers().firstValue("Content-Security-Policy")).isPresent();

        provider.nextUser(staff.username());
        int tokensBefore = provider.tokensIssued();
        HttpResponse<String> signedIn = browser.walkTheFlow();
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");

        HttpResponse<String> board = browser.get(app("/practices/" + practice.id() + "/board"));
        assertThat(board.statusCode()).as("signed in, with the Ringback user's practice").isEqualTo(200);
        assertThat(browser.get(app("/practices/" + fixtures.practice().id() + "/board")).statusCode())
                .as("and only the Ringback user's practices").isEqualTo(404);
        assertThat(provider.tokensIssued()).as("one code, redeemed once with the client's secret").isEqualTo(tokensBefore + 1);
        assertThat(app.bean(JdbcClient.class).sql("select username from sign_in_event where method = 'SSO' and outcome = 'SUCCEEDED'")
                .query(String.class).list()).as("the sign-in record").containsExactly(staff.username());
    }

    @Test
    void aProviderUserWhoIsNotARingbackUserIsRefused() {
        var browser = new Browser();
        provider.nextUser("someone-the-practice-never-added");

        HttpResponse<String> refused = browser.walkTheFlow();
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?refused");
        assertThat(browser.get(app("/login?refused")).body()).contains("is not a Ringback user");

        HttpResponse<String> home = browser.get(app("/"));
        assertThat(home.statusCode()).as("not signed in").isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        var fixtures = new Fixtures(app.port());
        var staff = fixtures.staff(fixtures.practice().id());
        var browser = new Browser();
        provider.nextUser(staff.username());
        provider.signNextWithAStrangeKey();

        HttpResponse<String> failed = browser.walkTheFlow();
        assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?sso-failed");
        assertThat(browser.get(app("/")).statusCode()).isEqualTo(302);
    }

    private static URI app(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }

    /** A browser that follows redirects by hand, so each step of the flow can be seen. */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        /** From "Sign in with …" through the provider and back; answers Ringback's last answer of the flow. */
        HttpResponse<String> walkTheFlow() {
            HttpResponse<String> toProvider = get(app("/oauth2/authorization/oidc"));
            assertThat(toProvider.statusCode()).isEqualTo(302);
            URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
            assertThat(authorize.toString()).startsWith(provider.issuer() + "/authorize");
            HttpResponse<String> back = get(authorize);
            assertThat(back.statusCode()).isEqualTo(302);
            URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
            assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/oidc");
            return get(callback);
        }

        HttpResponse<String> get(URI uri) {
            try {
                return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The smallest OpenID Connect provider the flow needs, on the JDK's HTTP server: it signs in whoever the test
     * names next, without a page, and checks the client's secret and the code it issued.
     */
    static final class FakeProvider {

        private record Grant(String username, String nonce, String redirectUri) {
        }

        private final HttpServer server;
        private final RSAKey key;
        private final Map<String, Grant> grants = new ConcurrentHashMap<>();
        private volatile String nextUser;
        private volatile boolean strangeKey;
        private volatile int tokens;

        private FakeProvider(HttpServer server, RSAKey key) {
            this.server = server;
            this.key = key;
        }

        static FakeProvider start() throws IOException, JOSEException {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            var provider = new FakeProvider(server, new RSAKeyGenerator(2048).keyID("test-key").generate());
            server.createContext("/.well-known/openid-configuration", provider::discovery);
            server.createContext("/jwks", exchange -> send(exchange, 200, new JWKSet(provider.key.toPublicJWK()).toString()));
            server.createContext("/authorize", provider::authorize);
            server.createContext("/token", provider::token);
            server.start();
            return provider;
        }

        String issuer() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        void nextUser(String username) {
            nextUser = username;
        }

        void signNextWithAStrangeKey() {
            strangeKey = true;
        }

        int tokensIssued() {
            return tokens;
        }

        void stop() {
            server.stop(0);
        }

        private void discovery(HttpExchange exchange) throws IOException {
            String issuer = issuer();
            send(exchange, 200, """
                    {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                     "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                     "id_token_signing_alg_values_supported": ["RS256"], "scopes_supported": ["openid", "profile", "email"],
                     "token_endpoint_auth_methods_supported": ["client_secret_basic"]}""".formatted(issuer));
        }

        /** Signs in {@link #nextUser} at once and sends the browser back with a code. */
        private void authorize(HttpExchange exchange) throws IOException {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", CLIENT_ID);
            assertThat(query.get("scope")).contains("openid");
            String code = UUID.randomUUID().toString();
            grants.put(code, new Grant(nextUser, query.get("nonce"), query.get("redirect_uri")));
            exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                    + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
            send(exchange, 302, "");
        }

        private void token(HttpExchange exchange) throws IOException {
            String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
            Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Grant grant = grants.remove(body.getOrDefault("code", ""));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) || grant == null
                    || !grant.redirectUri().equals(body.get("redirect_uri"))) {
                send(exchange, 400, "{\"error\": \"invalid_grant\"}");
                return;
            }
            tokens++;
            send(exchange, 200, """
                    {"access_token": "%s", "token_type": "Bearer", "expires_in": 300, "id_token": "%s"}"""
                    .formatted(UUID.randomUUID(), idToken(grant)));
        }

        private String idToken(Grant grant) {
            Instant now = Instant.now();
            var claims = new JWTClaimsSet.Builder()
                    .issuer(issuer())
                    .subject("idp-" + grant.username())
                    .audience(List.of(CLIENT_ID))
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("nonce", grant.nonce())
                    .claim("preferred_username", grant.username())
                    .build();
            try {
                RSAKey signing = strangeKey ? new RSAKeyGenerator(2048).keyID("test-key").generate() : key;
                strangeKey = false;
                var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing.getKeyID()).build(), claims);
                jwt.sign(new RSASSASigner(signing));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Map<String, String> form(String encoded) {
            Map<String, String> values = new HashMap<>();
            if (encoded == null || encoded.isEmpty()) {
                return values;
            }
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                values.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return values;
        }

        private static void send(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
