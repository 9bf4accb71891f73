package org.ringback.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.StaffSession;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Managers set the ladder and its dispositions per category, over the API and on their page; the ladder then applies. */
@IntegrationTest
class LadderIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Fixtures fx;
    Fixtures.Practice practice;
    Fixtures.User manager;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        practice = fx.practice();
        manager = fx.manager(practice.id());
    }

    @Test
    void everyCategoryStartsWithTheDefaultDispositions() {
        var response = fx.staff(practice.id()).api().get(path());

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode billing = category(response.json("/categories"), "BILLING");
        assertThat(billing.get("maxAttempts").asInt()).isEqualTo(3);
        assertThat(billing.get("minGap").asString()).isEqualTo("PT2H");
        assertThat(billing.get("busyRetry").asString()).isEqualTo("PT15M");
        assertThat(billing.get("deadNumber").asString()).isEqualTo("OTHER_CHANNEL");
    }

    @Test
    void aManagersChangeAppliesToTheNextAttempt() {
        var saved = manager.api().put(path(), Api.json("""
                {'categories': [{'code': 'BILLING', 'maxAttempts': 4, 'minGap': 'PT3H', 'differentWindow': false,
                                 'busyRetry': 'PT5M', 'deadNumber': 'CLOSE'}]}"""));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        JsonNode billing = category(fx.admin().get(path()).json("/categories"), "BILLING");
        assertThat(billing.get("maxAttempts").asInt()).isEqualTo(4);
        assertThat(billing.get("busyRetry").asString()).isEqualTo("PT5M");
        assertThat(billing.get("deadNumber").asString()).isEqualTo("CLOSE");
        assertThat(category(fx.admin().get(path()).json("/categories"), "CANCELLATION").get("busyRetry").asString())
                .as("categories left out keep theirs").isEqualTo("PT15M");

        String busy = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(61), "A").create().at("/id").asString();
        clock.set(MONDAY_0900.plusSeconds(1800));
        var attempt = manager.api().post("/api/v1/callbacks/" + busy + "/attempts", Api.json(
                "{'method': 'PHONE', 'at': '2026-11-23T09:30:00-05:00', 'result': 'BUSY', 'nextAction': 'try again shortly'}"));
        assertThat(attempt.status()).as(attempt.raw()).isEqualTo(201);
        assertThat(attempt.text("/nextActionAt")).isEqualTo("2026-11-23T14:35:00Z");

        String dead = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(62), "B").create().at("/id").asString();
        var wrong = manager.api().post("/api/v1/callbacks/" + dead + "/attempts", Api.json(
                "{'method': 'PHONE', 'at': '2026-11-23T09:30:00-05:00', 'result': 'WRONG_NUMBER', 'nextAction': 'stop'}"));
        assertThat(wrong.text("/status")).isEqualTo("CLOSED");
        assertThat(wrong.text("/closure/outcome")).isEqualTo("WRONG_NUMBER");
    }

    @Test
    void invalidSettingsAreRefusedFieldByFieldAndNothingIsSaved() {
        var response = manager.api().put(path(), Api.json("""
                {'categories': [{'code': 'BILLING', 'maxAttempts': 0, 'minGap': 'PT2H', 'differentWindow': true,
                                 'busyRetry': 'PT2H', 'deadNumber': 'OTHER_CHANNEL'},
                                {'code': 'NOT_A_CATEGORY', 'maxAttempts': 3, 'minGap': 'PT2H', 'differentWindow': true,
                                 'busyRetry': 'PT15M', 'deadNumber': 'CLOSE'}]}"""));

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response.json("/errors"))).contains("categories[0].maxAttempts", "categories[0].busyRetry");
        assertThat(category(fx.admin().get(path()).json("/categories"), "BILLING").get("busyRetry").asString()).isEqualTo("PT15M");

        var unknown = manager.api().put(path(), Api.json("""
                {'categories': [{'code': 'NOT_A_CATEGORY', 'maxAttempts': 3, 'minGap': 'PT2H', 'differentWindow': true,
                                 'busyRetry': 'PT15M', 'deadNumber': 'CLOSE'}]}"""));
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(400);
        assertThat(fields(unknown.json("/errors"))).containsExactly("categories[0].code");

        var badEnum = manager.api().put(path(), Api.json("""
                {'categories': [{'code': 'BILLING', 'maxAttempts': 3, 'minGap': 'PT2H', 'differentWindow': true,
                                 'busyRetry': 'PT15M', 'deadNumber': 'CALL_AGAIN'}]}"""));
        assertThat(badEnum.status()).as(badEnum.raw()).isEqualTo(400);
    }

    @Test
    void staffMayReadTheLadderButNotChangeIt() {
        var staff = fx.staff(practice.id());
        var response = staff.api().put(path(), Api.json("""
                {'categories': [{'code': 'BILLING', 'maxAttempts': 3, 'minGap': 'PT2H', 'differentWindow': true,
                                 'busyRetry': 'PT15M', 'deadNumber': 'CLOSE'}]}"""));
        assertThat(response.status()).as(response.raw()).isEqualTo(403);

        var page = StaffSession.signIn(port, staff.username(), staff.password()).get("/practices/" + practice.id() + "/ladder");
        assertThat(page.statusCode()).isEqualTo(403);
    }

    @Test
    void theManagersPageSavesTheLadder() {
        var browser = StaffSession.signIn(port, manager.username(), manager.password());
        var page = browser.get("/practices/" + practice.id() + "/ladder");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"c0.code\"").contains("Busy: short retry after");
        int billing = indexOf(page.body(), "BILLING");

        String p = "c" + billing + ".";
        var saved = browser.post("/practices/" + practice.id() + "/ladder", p + "code=BILLING&" + p + "maxAttempts=5&" + p + "minGapMinutes=90&"
                + p + "busyRetryMinutes=10&" + p + "deadNumber=CLOSE");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(browser.get(saved.headers().firstValue("Location").orElseThrow()).body()).contains("The ladder is saved.");

        JsonNode ladder = category(fx.admin().get(path()).json("/categories"), "BILLING");
        assertThat(ladder.get("maxAttempts").asInt()).isEqualTo(5);
        assertThat(ladder.get("minGap").asString()).isEqualTo("PT1H30M");
        assertThat(ladder.get("differentWindow").asBoolean()).as("an unticked box").isFalse();
        assertThat(ladder.get("busyRetry").asString()).isEqualTo("PT10M");
        assertThat(ladder.get("deadNumber").asString()).isEqualTo("CLOSE");

        var refused = browser.post("/practices/" + practice.id() + "/ladder", p + "code=BILLING&" + p + "maxAttempts=11&" + p + "minGapMinutes=90&"
                + p + "busyRetryMinutes=10&" + p + "deadNumber=CLOSE");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("maxAttempts must be between 1 and 10");
        assertThat(category(fx.admin().get(path()).json("/categories"), "BILLING").get("maxAttempts").asInt()).isEqualTo(5);

        var forged = browser.postWithoutToken("/practices/" + practice.id() + "/ladder", p + "code=BILLING&" + p + "maxAttempts=2&"
                + p + "minGapMinutes=90&" + p + "busyRetryMinutes=10&" + p + "deadNumber=CLOSE");
        assertThat(forged.statusCode()).as("no CSRF token, no change").isEqualTo(403);
    }

    private String path() {
        return "/api/v1/practices/" + practice.id() + "/ladder";
    }

    private static int indexOf(String page, String code) {
        var matcher = java.util.regex.Pattern.compile("name=\"c(\\d+)\\.code\" value=\"" + code + "\"").matcher(page);
        assertThat(matcher.find()).as("a row for " + code).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static JsonNode category(JsonNode categories, String code) {
        for (JsonNode c : categories) {
            if (c.get("code").asString().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no category " + code);
    }

    private static List<String> fields(JsonNode errors) {
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
