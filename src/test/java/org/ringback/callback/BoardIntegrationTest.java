package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;
import static org.ringback.support.Fixtures.errorFields;
import static org.ringback.support.Fixtures.ids;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The board: open items by urgency (highest first) then earliest due, with filters and cursor pagination. */
@IntegrationTest
class BoardIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Fixtures fx;
    Fixtures.Practice practice;
    Api staff;
    String board;

    // Received Monday 09:00 New York; due times in the comments.
    String general;      // ROUTINE GENERAL_QUESTION, next business day by close: Tuesday 17:00
    String appointment;  // ROUTINE APPOINTMENT_REQUEST, same day: Monday 17:00
    String cancellation; // ROUTINE CANCELLATION, within 4 business hours: Monday 13:00
    String billing;      // TIME_SENSITIVE BILLING
    String records;      // SAME_DAY RECORDS_REQUEST
    String emergency;    // chest pain: EMERGENCY CLINICAL_CONCERN

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        practice = fx.practice();
        staff = fx.staff(practice.id()).api();
        board = "/api/v1/practices/" + practice.id() + "/callbacks";
        general = create("GENERAL_QUESTION", "ROUTINE", 90, "Question about parking");
        appointment = create("APPOINTMENT_REQUEST", "ROUTINE", 91, "Needs a follow-up visit");
        emergency = create(null, null, 92, "My husband has chest pain and is sweating");
        cancellation = create("CANCELLATION", "ROUTINE", 93, "Cancel Thursday");
        billing = create("BILLING", "TIME_SENSITIVE", 94, "Collections letter");
        records = create("RECORDS_REQUEST", "SAME_DAY", 95, "Records for surgery today");
    }

    private String create(String category, String urgency, int phone, String reason) {
        return fx.aCallback(practice.id()).inCategory(category).urgency(urgency).fromCaller(Fixtures.phone(phone), "Caller " + phone)
                .reason(reason).receivedAt(MONDAY_0900).create().path("id").asString();
    }

    @Test
    void openItemsAreOrderedByUrgencyThenEarliestDue() {
        var response = staff.get(board);

        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response.body())).containsExactly(emergency, records, billing, cancellation, appointment, general);
        assertThat(response.json("/next").isNull()).isTrue();
        assertThat(response.text("/items/0/urgency")).isEqualTo("EMERGENCY");
        assertThat(response.text("/items/0/category")).isEqualTo("CLINICAL_CONCERN");
        assertThat(staff.get(board + "?status=OPEN").body()).isEqualTo(response.body());
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        List<String> all = ids(staff.get(board).body());
        List<String> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            var page = staff.get(board + "?limit=4" + (next == null ? "" : "&cursor=" + next));
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            assertThat(page.json("/items").size()).isLessThanOrEqualTo(4);
            paged.addAll(ids(page.body()));
            next = page.json("/next").isNull() ? null : page.text("/next");
            pages++;
        } while (next != null && pages < 10);

        assertThat(pages).isEqualTo(2);
        assertThat(paged).containsExactlyElementsOf(all);

        var first = staff.get(board + "?limit=2");
        assertThat(ids(first.body())).containsExactly(emergency, records);
        var second = staff.get(board + "?limit=2&cursor=" + first.text("/next"));
        assertThat(ids(second.body())).containsExactly(billing, cancellation);
    }

    @Test
    void pagesThatEndInsideATieOfUrgencyAndDueNeitherSkipNorRepeatARow() {
        // Five more routine general questions received with the first one: the same urgency and due time, so the
        // board orders the six by id alone. Pages of two end inside the tie, and once between two urgencies.
        List<String> tied = new ArrayList<>(List.of(general));
        for (int i = 0; i < 5; i++) {
            tied.add(create("GENERAL_QUESTION", "ROUTINE", 80 + i, "Question " + i));
        }
        List<String> all = ids(staff.get(board).body());
        assertThat(all).hasSize(11);
        assertThat(all.subList(5, 11)).as("the tie in id order").isEqualTo(tied.stream().sorted().toList());

        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            var page = staff.get(board + "?limit=2" + (next == null ? "" : "&cursor=" + next));
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            paged.addAll(ids(page.body()));
            next = page.json("/next").isNull() ? null : page.text("/next");
        } while (next != null && paged.size() <= all.size());

        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void filtersByQueueCategoryOwnerAndStatus() {
        assertThat(ids(staff.get(board + "?queue=CLINICAL").body())).containsExactly(emergency);
        assertThat(ids(staff.get(board + "?category=BILLING").body())).containsExactly(billing);
        assertThat(ids(staff.get(board + "?category=INTAKE_FORM").body())).isEmpty();
        assertThat(ids(staff.get(board + "?status=CLOSED").body())).isEmpty();
        assertThat(ids(staff.get(board + "?status=NEW").body())).hasSize(6);

        var me = fx.staff(practice.id());
        assertThat(staff.post("/api/v1/callbacks/" + general + "/assign", Api.json("{'owner': '%s'}", me.username())).status()).isEqualTo(200);
        assertThat(ids(staff.get(board + "?owner=" + me.username()).body())).containsExactly(general);

        var closed = staff.post("/api/v1/callbacks/" + general + "/close", Api.json("{'outcome': 'QUESTION_ANSWERED', 'version': %d}",
                staff.get("/api/v1/callbacks/" + general).json("/version").asInt()));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(ids(staff.get(board + "?status=CLOSED").body())).containsExactly(general);
        assertThat(ids(staff.get(board).body())).doesNotContain(general).hasSize(5);
    }

    @Test
    void boardOfAnUnknownPracticeIs404EvenForAnAdmin() {
        var response = fx.admin().get("/api/v1/practices/00000000-0000-0000-0000-000000000000/callbacks");

        assertThat(response.status()).as(response.raw()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badQueryParametersAre400() {
        var status = staff.get(board + "?status=PENDING");
        assertThat(status.status()).as(status.raw()).isEqualTo(400);
        assertThat(status.contentType()).startsWith("application/problem+json");
        assertThat(errorFields(status)).containsExactly("status");

        var zero = staff.get(board + "?limit=0");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(errorFields(zero)).containsExactly("limit");
        assertThat(staff.get(board + "?limit=100000").status()).isEqualTo(400);
        var text = staff.get(board + "?limit=ten");
        assertThat(text.status()).isEqualTo(400);
        assertThat(errorFields(text)).containsExactly("limit");

        var cursor = staff.get(board + "?cursor=bm90LWEtY3Vyc29y");
        assertThat(cursor.status()).as(cursor.raw()).isEqualTo(400);
        assertThat(errorFields(cursor)).containsExactly("cursor");
        assertThat(staff.get(board + "?cursor=%25%25%25").status()).isEqualTo(400);

        assertThat(staff.get(board + "?queue=front%20desk").status()).isEqualTo(400);
    }
}
