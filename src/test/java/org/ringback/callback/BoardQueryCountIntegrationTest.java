package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.QueryCounting;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The board costs a fixed number of SQL statements per request, whatever the number of open items: the page
 * reads its rows in one statement, the JSON board in two (items, then their attempts).
 */
@IntegrationTest
class BoardQueryCountIntegrationTest {

    private static final List<String> CATEGORIES = List.of("APPOINTMENT_REQUEST", "BILLING", "RECORDS_REQUEST", "GENERAL_QUESTION",
            "REFERRAL_STATUS", "INSURANCE_ELIGIBILITY", "POST_VISIT_FOLLOW_UP");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    QueryCounting queries;

    @Autowired
    DataSource dataSource;

    @Autowired
    Flyway flyway;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
    }

    @Test
    void theBoardPageCostsTheSameStatementsForFiveAndForFiftyItems() {
        Desk five = deskWith(5);
        Desk fifty = deskWith(50);
        Browser fiveBrowser = Browser.signedIn(port, five.staff());
        Browser fiftyBrowser = Browser.signedIn(port, fifty.staff());

        QueryCounting.Statements forFive = queries.during(() -> assertThat(fiveBrowser.board(five.practice())).isEqualTo(5));
        QueryCounting.Statements forFifty = queries.during(() -> assertThat(fiftyBrowser.board(fifty.practice())).isEqualTo(50));
        QueryCounting.Statements again = queries.during(() -> fiftyBrowser.board(fifty.practice()));

        assertThat(withoutSettings(forFifty)).as("statements for 50 items, against 5 items' %s\nand 50 items' %s", forFive, forFifty)
                .hasSameSizeAs(withoutSettings(forFive))
                .hasSameSizeAs(withoutSettings(again));
        assertThat(forFifty.sql()).as("one statement reads the rows with their last attempts: %s", forFifty)
                .filteredOn(sql -> sql.contains("from callback") || sql.contains("from attempt")).hasSize(1);
        assertThat(forFifty.sql()).as("a signed-in page does not look the user up again: %s", forFifty)
                .noneMatch(sql -> sql.contains("from app_user"));
    }

    @Test
    void theJsonBoardCostsTheSameStatementsForFiveAndForFiftyItems() {
        Desk five = deskWith(5);
        Desk fifty = deskWith(50);

        QueryCounting.Statements forFive = queries.during(() -> assertThat(jsonBoard(five).json("/items").size()).isEqualTo(5));
        QueryCounting.Statements forFifty = queries.during(() -> assertThat(jsonBoard(fifty).json("/items").size()).isEqualTo(50));

        assertThat(withoutSettings(forFifty)).as("statements for 50 items, against 5 items' %s\nand 50 items' %s", forFive, forFifty)
                .hasSameSizeAs(withoutSettings(forFive));
        assertThat(forFifty.sql()).as(forFifty.toString()).filteredOn(sql -> sql.contains("from callback")).hasSize(1);
        assertThat(forFifty.sql()).as(forFifty.toString()).filteredOn(sql -> sql.contains("from attempt")).hasSize(1);
        assertThat(forFifty.sql()).as("HTTP Basic looks the user up once per request: %s", forFifty)
                .filteredOn(sql -> sql.contains("from app_user")).hasSize(1);
    }

    @Test
    void theCountedDataSourceIsTheOneFlywayTransactionsAndQueriesUse() throws Exception {
        assertThat(dataSource).isInstanceOf(ProxyDataSource.class);
        assertThat(dataSource.isWrapperFor(HikariDataSource.class)).isTrue();
        assertThat(flyway.getConfiguration().getDataSource()).isSameAs(dataSource);
        assertThat(flyway.info().current()).as("migrations ran through the proxy").isNotNull();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(queries.executed()).as("Flyway's and the app's statements were counted").isPositive();

        var inOneTransaction = queries.during(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                assertThat(transactionId()).as("JdbcClient joins the transaction").isEqualTo(transactionId())));
        assertThat(inOneTransaction.count()).isEqualTo(2);
        assertThat(transactionId()).as("outside a transaction each statement commits on its own").isNotEqualTo(transactionId());
    }

    /**
     * The statements without the reads of the practice's settings (the practice by id and its categories), which
     * the practice module keeps for a few seconds: whether a request makes them depends on the time since the last.
     */
    private static List<String> withoutSettings(QueryCounting.Statements statements) {
        return statements.sql().stream()
                .filter(sql -> !sql.startsWith("select * from practice where id = ?") && !sql.contains(" from category where practice_id = ?"))
                .toList();
    }

    private long transactionId() {
        return jdbc.sql("select txid_current()").query(Long.class).single();
    }

    private record Desk(Fixtures.Practice practice, Fixtures.User staff) {
    }

    /**
     * A practice with n open items from distinct callers (so none is attached to another as a repeat call), in
     * several categories; every fifth for a registered patient, every third with a failed attempt.
     */
    private Desk deskWith(int n) {
        Fixtures.Practice practice = fx.practice();
        for (int i = 0; i < n; i++) {
            var callback = fx.aCallback(practice.id()).channel("MISSED_CALL").inCategory(CATEGORIES.get(i % CATEGORIES.size()))
                    .fromCaller(Fixtures.phone(i), "Caller " + i).receivedAt(MONDAY_0900.minus(Duration.ofMinutes(i + 2)));
            if (i % 5 == 0) {
                callback.forPatient(fx.patient(practice.id(), Fixtures.phone(i)));
            }
            String id = callback.create().path("id").asString();
            if (i % 3 == 0) {
                var attempt = fx.admin().post("/api/v1/callbacks/" + id + "/attempts", Api.json(
                        "{'method': 'PHONE', 'at': '%s', 'result': 'NO_ANSWER', 'messageLeft': false, 'nextAction': 'try again'}",
                        MONDAY_0900.minus(Duration.ofMinutes(1))));
                assertThat(attempt.status()).as(attempt.raw()).isEqualTo(201);
            }
        }
        return new Desk(practice, fx.staff(practice.id()));
    }

    private Api.Response jsonBoard(Desk desk) {
        var response = desk.staff().api().get("/api/v1/practices/" + desk.practice().id() + "/callbacks?status=OPEN");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response;
    }

    /** A browser's view of the staff pages: a session cookie from the sign-in form. */
    private static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
        private static final Pattern ROW = Pattern.compile("href=\"/callbacks/[0-9a-f-]{36}\"");

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final int port;

        private Browser(int port) {
            this.port = port;
        }

        static Browser signedIn(int port, Fixtures.User user) {
            var browser = new Browser(port);
            HttpResponse<String> login = browser.send(browser.request("/login").GET());
            Matcher csrf = CSRF.matcher(login.body());
            assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
            String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
            String form = "username=" + encode(user.username()) + "&password=" + encode(user.password()) + "&_csrf=" + encode(token);
            HttpResponse<String> signIn = browser.send(browser.request("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            // A first page after sign-in stores the session's new CSRF token: a one-time write, kept out of the counts.
            browser.send(browser.request("/board").GET());
            return browser;
        }

        /** Shows the practice's board and answers the number of rows on it. */
        int board(Fixtures.Practice practice) {
            HttpResponse<String> page = send(request("/practices/" + practice.id() + "/board").GET());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            return (int) ROW.matcher(page.body()).results().count();
        }

        private HttpRequest.Builder request(String path) {
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

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
