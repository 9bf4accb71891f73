package org.ringback.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ringback.callback.EscalationSweep;
import org.ringback.support.Api;
import org.ringback.support.AppInstance;
import org.ringback.support.Fixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app instances on one PostgreSQL, as behind a load balancer: a session made by signing in on one is good on
 * the other (with its CSRF token), sweeps running on both at once escalate each item once per level, and the
 * same request sent through both at once makes one item. Both instances start at the same time on an empty
 * database, as a fresh deployment's would.
 */
class SeveralInstancesIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private static EmbeddedPostgres postgres;
    private static JdbcClient database;
    private static AppInstance a;
    private static AppInstance b;
    private static ExecutorService threads;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        database = JdbcClient.create(postgres.getPostgresDatabase());
        Map<String, String> properties = Map.of(
                "ringback.database.url", postgres.getJdbcUrl("postgres", "postgres"),
                "ringback.database.username", "postgres",
                "ringback.data-dir", "target/it-data/several-instances",
                // The session cleanup's bean, without its schedule: the test runs it.
                "ringback.sessions.cleanup.enabled", "true",
                "ringback.sessions.cleanup.cron", "-");
        threads = Executors.newCachedThreadPool();
        Future<AppInstance> first = threads.submit(() -> AppInstance.start(properties));
        Future<AppInstance> second = threads.submit(() -> AppInstance.start(properties));
        a = first.get();
        b = second.get();
    }

    @AfterAll
    static void stop() throws IOException {
        if (threads != null) {
            threads.shutdownNow();
        }
        for (AppInstance instance : new AppInstance[]{a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aSessionMadeOnOneInstanceWorksOnTheOther() {
        var fixtures = new Fixtures(a.port());
        var practice = fixtures.practice();
        var staff = fixtures.staff(practice.id());
        var browser = new Browser();

        HttpResponse<String> signIn = browser.signIn(a.port(), staff);
        String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(set -> set.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(database.sql("select max_inactive_interval from spring_session where principal_name = :name")
                .param("name", staff.username()).query(Integer.class).single())
                .as("the session is in PostgreSQL, with the 15-minute timeout").isEqualTo(15 * 60);

        HttpResponse<String> boardOnB = browser.get(b.port(), "/practices/" + practice.id() + "/board");
        assertThat(boardOnB.statusCode()).as("the other instance knows the signed-in user").isEqualTo(200);
        String tokenFromB = csrf(boardOnB.body());
        String tokenFromA = csrf(browser.get(a.port(), "/practices/" + practice.id() + "/board").body());

        assertThat(browser.post(b.port(), "/logout", "_csrf=wrong").statusCode()).as("CSRF still checked").isEqualTo(403);
        HttpResponse<String> signOut = browser.post(b.port(), "/logout", "_csrf=" + encode(tokenFromA));
        assertThat(signOut.statusCode()).as("a CSRF token from one instance is good on the other").isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location").orElse("")).endsWith("/login?logout");
        assertThat(tokenFromB).isNotBlank();

        HttpResponse<String> boardOnA = browser.get(a.port(), "/practices/" + practice.id() + "/board");
        assertThat(boardOnA.statusCode()).as("signed out on every instance").isEqualTo(302);
        assertThat(boardOnA.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void fiveWrongPasswordsOnEitherInstanceLockTheAccountOnBoth() {
        var fixtures = new Fixtures(a.port());
        var staff = fixtures.staff(fixtures.practice().id());
        for (int i = 0; i < SignInGuard.FAILURES_BEFORE_LOCK; i++) {
            int port = i % 2 == 0 ? a.port() : b.port();
            assertThat(Api.as(port, staff.username(), "wrong-" + i).get("/api/v1/practices").status()).isEqualTo(401);
        }
        assertThat(staff.api().get("/api/v1/practices").status()).as("locked on A").isEqualTo(401);
        assertThat(Api.as(b.port(), staff.username(), staff.password()).get("/api/v1/practices").status()).as("locked on B").isEqualTo(401);
    }

    @Test
    void expiredSessionsAreDeletedByOneInstanceAtATime() {
        var fixtures = new Fixtures(a.port());
        var staff = fixtures.staff(fixtures.practice().id());
        new Browser().signIn(b.port(), staff);
        database.sql("update spring_session set expiry_time = 0 where principal_name = :name").param("name", staff.username()).update();
        var cleanupOnA = a.bean(SessionCleanup.ExpiredSessions.class);
        var cleanupOnB = b.bean(SessionCleanup.ExpiredSessions.class);

        // While another instance holds the cleanup's lock, this one leaves the sessions alone.
        boolean skipped;
        try (var other = postgres.getPostgresDatabase().getConnection(); var statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("select pg_advisory_xact_lock(hashtext('ringback.session-cleanup'))");
            skipped = !cleanupOnA.delete();
            other.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(skipped).as("the lock is taken: A skips this round").isTrue();
        assertThat(sessionsOf(staff.username())).isEqualTo(1);

        List<Boolean> ran = both(cleanupOnA::delete, cleanupOnB::delete);
        assertThat(ran).as("at least one instance cleaned up").contains(true);
        assertThat(sessionsOf(staff.username())).as("the expired session is gone").isZero();
    }

    @Test
    void sweepsOnBothInstancesAtOnceEscalateEachItemOncePerLevel() throws Exception {
        var fixtures = new Fixtures(a.port());
        var practice = fixtures.practice();
        int items = 12;
        for (int i = 0; i < items; i++) {
            var created = fixtures.admin().post("/api/v1/practices/" + practice.id() + "/callbacks", Api.json(
                    "{'channel': 'VOICEMAIL', 'caller': {'phone': '%s'}, 'reason': 'Question about a bill'}", Fixtures.phone(10 + i)));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
        }
        // A month later nothing has been attempted: every item is overdue for both levels.
        a.clock().advance(Duration.ofDays(30));
        b.clock().advance(Duration.ofDays(30));
        var sweepOnA = a.bean(EscalationSweep.class);
        var sweepOnB = b.bean(EscalationSweep.class);

        int escalations = 0;
        for (int round = 0; round < 10; round++) {
            List<Integer> made = both(sweepOnA::sweep, sweepOnB::sweep);
            escalations += made.get(0) + made.get(1);
            if (made.get(0) + made.get(1) == 0) {
                break;
            }
        }

        List<Map<String, Object>> events = database.sql("""
                        select callback_id, detail ->> 'level' as level, count(*) as times from callback_event
                        where practice_id = :practiceId and type = 'ESCALATED' group by 1, 2""")
                .param("practiceId", UUID.fromString(practice.id())).query().listOfRows();
        assertThat(events).as("one escalation per item and level").hasSize(items * 2)
                .allSatisfy(row -> assertThat(((Number) row.get("times")).intValue()).isEqualTo(1));
        assertThat(escalations).as("what the sweeps answered").isGreaterThanOrEqualTo(items * 2);
        assertThat(database.sql("select count(*) from callback where practice_id = :practiceId and escalation_level = 2")
                .param("practiceId", UUID.fromString(practice.id())).query(Integer.class).single()).isEqualTo(items);
    }

    @Test
    void theSameRequestThroughBothInstancesAtOnceMakesOneItem() throws Exception {
        var fixtures = new Fixtures(a.port());
        var practice = fixtures.practice();
        String path = "/api/v1/practices/" + practice.id() + "/callbacks";
        Api viaA = fixtures.admin();
        Api viaB = Api.admin(b.port());

        // The same voicemail delivered twice to each instance (a retrying telephony provider), same key.
        List<String> keys = List.of("CA-1", "CA-2", "CA-3", "CA-4");
        List<Callable<Api.Response>> requests = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            String body = Api.json("{'channel': 'VOICEMAIL', 'caller': {'phone': '%s'}, 'reason': 'Refill please', 'idempotencyKey': '%s'}",
                    Fixtures.phone(60 + k), Fixtures.unique(keys.get(k)));
            for (Api api : List.of(viaA, viaB, viaA, viaB)) {
                requests.add(() -> api.post(path, body));
            }
        }
        // One caller's missed calls, no key, arriving through both instances at once: one item, the rest join it.
        String missedCall = Api.json("{'channel': 'MISSED_CALL', 'caller': {'phone': '%s'}}", Fixtures.phone(90));
        for (Api api : List.of(viaA, viaB, viaA, viaB)) {
            requests.add(() -> api.post(path, missedCall));
        }
        List<Api.Response> answers = allAtOnce(requests);

        for (int group = 0; group <= keys.size(); group++) {
            List<Api.Response> same = answers.subList(group * 4, group * 4 + 4);
            assertThat(same).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw()).isIn(200, 201));
            assertThat(same.stream().filter(answer -> answer.status() == 201)).as("one request makes the item").hasSize(1);
            assertThat(same.stream().map(answer -> answer.text("/id")).distinct()).as("all answer the same item").hasSize(1);
        }
        assertThat(database.sql("select count(*) from callback where practice_id = :practiceId")
                .param("practiceId", UUID.fromString(practice.id())).query(Integer.class).single()).isEqualTo(keys.size() + 1);
    }

    private static int sessionsOf(String username) {
        return database.sql("select count(*) from spring_session where principal_name = :name").param("name", username)
                .query(Integer.class).single();
    }

    /** Runs both at the same moment (a barrier releases them together) and answers both results. */
    private static <T> List<T> both(Callable<T> first, Callable<T> second) {
        return allAtOnce(List.of(first, second));
    }

    private static <T> List<T> allAtOnce(List<Callable<T>> calls) {
        var barrier = new CyclicBarrier(calls.size());
        List<CompletableFuture<T>> running = calls.stream().map(call -> CompletableFuture.supplyAsync(() -> {
            try {
                barrier.await();
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads)).toList();
        return running.stream().map(CompletableFuture::join).toList();
    }

    private static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser: one cookie jar for every instance, as behind a load balancer's single address. */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> signIn(int port, Fixtures.User user) {
            String token = csrf(get(port, "/login").body());
            HttpResponse<String> signIn = post(port, "/login", "username=" + encode(user.username())
                    + "&password=" + encode(user.password()) + "&_csrf=" + encode(token));
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return signIn;
        }

        HttpResponse<String> get(int port, String path) {
            return send(request(port, path).GET());
        }

        HttpResponse<String> post(int port, String path, String form) {
            return send(request(port, path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private static HttpRequest.Builder request(int port, String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
