package org.ringback.callback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.StaffSession;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The board page's rows as the statement reads them: the JSON board's order (urgency, then due, then id), each
 * row's patient or caller, category name, attempts and the result of the last one; pages of {@code size} rows
 * after the cursor, with the count of all.
 */
@IntegrationTest
class BoardPageIntegrationTest {

    private static final Pattern ROW = Pattern.compile("<tr[^>]*>\\s*<td>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("href=\"/callbacks/([0-9a-f-]{36})\"");
    private static final Pattern CAPTION = Pattern.compile("<caption>(\\d+) open callbacks");
    private static final Pattern MORE = Pattern.compile("id=\"board-more\"[^>]*href=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
    }

    @Test
    void rowsComeInTheBoardsOrderWithTheirPatientCategoryAndLastAttempt() {
        var practice = fx.practice();
        String patient = fx.patient(practice.id(), Fixtures.phone(1));
        String twoAttempts = fx.aCallback(practice.id()).inCategory("APPOINTMENT_REQUEST").forPatient(patient)
                .receivedAt(MONDAY_0900.minus(Duration.ofMinutes(50))).create().path("id").asString();
        attempt(twoAttempts, "NO_ANSWER", 20);
        attempt(twoAttempts, "LEFT_VOICEMAIL", 10);
        String caller = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(2), "Walter Ng")
                .receivedAt(MONDAY_0900.minus(Duration.ofMinutes(40))).create().path("id").asString();
        String urgent = fx.aCallback(practice.id()).inCategory("BILLING").urgency("SAME_DAY").fromCaller(Fixtures.phone(3), "Ada Park")
                .receivedAt(MONDAY_0900.minus(Duration.ofMinutes(5))).create().path("id").asString();
        for (int i = 0; i < 4; i++) {
            fx.aCallback(practice.id()).inCategory("GENERAL_QUESTION").fromCaller(Fixtures.phone(10 + i), "Caller " + i)
                    .receivedAt(MONDAY_0900.minus(Duration.ofMinutes(30 + i))).create();
        }
        var session = signedIn(fx.staff(practice.id()));
        List<String> boardOrder = Fixtures.ids(fx.admin().get("/api/v1/practices/" + practice.id() + "/callbacks").body());
        assertThat(boardOrder).hasSize(7);
        assertThat(boardOrder.get(0)).as("the same-day item is the most urgent").isEqualTo(urgent);

        String page = page(session, "/practices/" + practice.id() + "/board");
        assertThat(ids(page)).as("the page's rows in the JSON board's order").isEqualTo(boardOrder);
        assertThat(total(page)).isEqualTo(7);
        assertThat(page).doesNotContain("id=\"board-more\"");
        String withAttempts = rowOf(page, twoAttempts);
        assertThat(withAttempts).as("the patient's name, two attempts of the ladder's, the last one's result")
                .contains("Maria Lopez").contains("2 of ").contains("Left voicemail").doesNotContain("No answer");
        String billingName = null;
        for (var category : fx.admin().get("/api/v1/practices/" + practice.id() + "/categories").json("/items")) {
            if ("BILLING".equals(category.path("code").asString())) {
                billingName = category.path("name").asString();
            }
        }
        assertThat(billingName).isNotEqualTo("BILLING");
        String byCaller = rowOf(page, caller);
        assertThat(byCaller).as("a caller without a patient record, the category's name, nothing tried")
                .contains("Walter Ng").contains("<td class=\"why\">" + billingName + "</td>").contains("0 of ").doesNotContain(" · ");
    }

    @Test
    void pagesOfTheChosenSizeFollowTheCursorWithTheCountOfAllAndTheFilters() {
        var practice = fx.practice();
        for (int i = 0; i < 7; i++) {
            fx.aCallback(practice.id()).inCategory(i % 2 == 0 ? "BILLING" : "GENERAL_QUESTION").fromCaller(Fixtures.phone(20 + i), "Caller " + i)
                    .receivedAt(MONDAY_0900.minus(Duration.ofMinutes(10 + i))).create();
        }
        var session = signedIn(fx.staff(practice.id()));
        List<String> boardOrder = Fixtures.ids(fx.admin().get("/api/v1/practices/" + practice.id() + "/callbacks").body());
        List<String> billing = Fixtures.ids(fx.admin().get("/api/v1/practices/" + practice.id() + "/callbacks?category=BILLING").body());

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String next = "/practices/" + practice.id() + "/board?size=3";
        while (next != null) {
            String page = page(session, next);
            assertThat(total(page)).as("the count of all on every page").isEqualTo(7);
            seen.addAll(ids(page));
            sizes.add(ids(page).size());
            next = more(page);
        }
        assertThat(seen).as("pages without gaps or repeats, in board order").isEqualTo(boardOrder);
        assertThat(sizes).as("the rows asked for (as the refresh does), then the next ones at a page's size").containsExactly(3, 4);

        String first = page(session, "/practices/" + practice.id() + "/board?category=BILLING&size=2");
        assertThat(total(first)).isEqualTo(4);
        String second = page(session, more(first));
        assertThat(ids(first)).isEqualTo(billing.subList(0, 2));
        assertThat(ids(second)).as("the next page keeps the filter").isEqualTo(billing.subList(2, 4));
        assertThat(total(second)).isEqualTo(4);
        // A refused staff page is a page with the reason (StaffPages: 409 for invalid input), never a 500.
        for (String bad : List.of("after=not-a-cursor", "size=0", "size=1001", "size=many")) {
            assertThat(session.get("/practices/" + practice.id() + "/board?" + bad).statusCode()).as(bad).isBetween(400, 499);
        }
    }

    @Test
    void aPageThatEndsInsideATieOfUrgencyAndDueIsFollowedByTheRestWithoutGapsOrRepeats() {
        var practice = fx.practice();
        // General questions received on Monday morning are all due by Tuesday's close: one urgency, one due time,
        // ordered by id alone. One same-day item above them, so some pages end between two urgencies.
        fx.aCallback(practice.id()).inCategory("BILLING").urgency("SAME_DAY").fromCaller(Fixtures.phone(40), "Ada Park")
                .receivedAt(MONDAY_0900).create();
        for (int i = 0; i < 5; i++) {
            fx.aCallback(practice.id()).inCategory("GENERAL_QUESTION").fromCaller(Fixtures.phone(41 + i), "Caller " + i)
                    .receivedAt(MONDAY_0900.minus(Duration.ofMinutes(i % 2))).create();
        }
        var session = signedIn(fx.staff(practice.id()));
        List<String> boardOrder = Fixtures.ids(fx.admin().get("/api/v1/practices/" + practice.id() + "/callbacks").body());
        assertThat(boardOrder).hasSize(6);
        assertThat(boardOrder.subList(1, 6)).as("the tie in id order").isSorted();

        for (int size = 1; size < 6; size++) {
            String first = page(session, "/practices/" + practice.id() + "/board?size=" + size);
            List<String> seen = new ArrayList<>(ids(first));
            seen.addAll(ids(page(session, more(first))));
            assertThat(seen).as("the first %d rows, then the rest", size).isEqualTo(boardOrder);
        }
    }

    private void attempt(String id, String result, int minutesAgo) {
        var response = fx.admin().post("/api/v1/callbacks/" + id + "/attempts", Api.json(
                "{'method': 'PHONE', 'at': '%s', 'result': '%s', 'messageLeft': false, 'nextAction': 'try again'}",
                MONDAY_0900.minus(Duration.ofMinutes(minutesAgo)), result));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
    }

    private static List<String> ids(String page) {
        return ID.matcher(page).results().map(match -> match.group(1)).toList();
    }

    private static int total(String page) {
        Matcher caption = CAPTION.matcher(page);
        assertThat(caption.find()).as(page).isTrue();
        return Integer.parseInt(caption.group(1));
    }

    private static String more(String page) {
        Matcher more = MORE.matcher(page);
        return more.find() ? more.group(1).replace("&amp;", "&") : null;
    }

    private StaffSession signedIn(Fixtures.User user) {
        return StaffSession.signIn(port, user.username(), user.password());
    }

    private static String rowOf(String page, String id) {
        return ROW.matcher(page).results().map(match -> match.group())
                .filter(row -> row.contains("/callbacks/" + id + "\"")).findFirst().orElseThrow();
    }

    /** The page at {@code path}, which must answer 200. */
    private static String page(StaffSession session, String path) {
        HttpResponse<String> page = session.get(path);
        assertThat(page.statusCode()).as(path + "\n" + page.body()).isEqualTo(200);
        return page.body();
    }
}
