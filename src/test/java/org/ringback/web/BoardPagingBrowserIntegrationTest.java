package org.ringback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A practice with more open items than the board's first page, in headless Chromium: the board shows the 200 most
 * urgent rows and the count of all; "Show more" appends the next ones in place (with JavaScript) or opens them as
 * a page of their own (the link without it), with the filters kept; the 15 s refresh keeps the appended rows.
 */
@IntegrationTest
class BoardPagingBrowserIntegrationTest {

    private static final int APPOINTMENTS = 215;
    private static final int BILLING = 20;
    private static final List<String> AREA_CODES = List.of("617", "508", "781");

    private static StaffBrowser browser;
    private static Desk desk;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @BeforeAll
    static void startBrowser() {
        browser = StaffBrowser.start();
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private record Desk(Fixtures.Practice practice, Fixtures.User staff, Fixtures fx) {
    }

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        browser.at(port);
        browser.viewport(StaffBrowser.LAPTOP);
        if (desk == null) {
            desk = deskWithManyItems(new Fixtures(port));
        }
        browser.signInAs(desk.staff().username(), desk.staff().password());
    }

    @Test
    void theBoardShowsTheFirst200RowsAndTheCountOfAllThenTheNextOnesInPlace() {
        List<String> boardOrder = apiOrder("");
        assertThat(boardOrder).hasSize(APPOINTMENTS + BILLING);

        browser.open(board(""));
        assertThat(rowIds()).as("the 200 most urgent rows, in the board's order").isEqualTo(boardOrder.subList(0, 200));
        assertThat(browser.text(By.cssSelector("#board caption"))).startsWith((APPOINTMENTS + BILLING) + " open callbacks");

        String path = browser.path();
        browser.find(By.id("board-more")).click();
        browser.waitUntil(d -> rowIds().size() > 200);
        assertThat(rowIds()).as("the next rows appended after the first 200").isEqualTo(boardOrder);
        assertThat(browser.path()).as("appended in place, not a new page").isEqualTo(path);
        assertThat(browser.all(By.id("board-more"))).as("no more rows to show").isEmpty();

        // The 15 s refresh replaces the table: it asks for as many rows as are on screen.
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('board').dataset.before = 'refresh';");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(25)).until(d ->
                ((JavascriptExecutor) d).executeScript("return document.getElementById('board').dataset.before === undefined;"));
        assertThat(rowIds()).as("the refresh keeps the appended rows").isEqualTo(boardOrder);
    }

    @Test
    void withoutJavaScriptShowMoreIsALinkToTheNextRowsAndKeepsTheFilters() {
        List<String> appointments = apiOrder("&category=APPOINTMENT_REQUEST");
        assertThat(appointments).hasSize(APPOINTMENTS);

        browser.open(board("?category=APPOINTMENT_REQUEST"));
        assertThat(rowIds()).isEqualTo(appointments.subList(0, 200));
        assertThat(browser.text(By.cssSelector("#board caption"))).startsWith(APPOINTMENTS + " open callbacks");
        String more = browser.find(By.id("board-more")).getDomAttribute("href");
        assertThat(more).contains("category=APPOINTMENT_REQUEST").contains("after=");

        browser.open(more);
        assertThat(rowIds()).as("the page after the first 200, with the same filter").isEqualTo(appointments.subList(200, APPOINTMENTS));
        assertThat(browser.text(By.cssSelector("#board caption"))).startsWith(APPOINTMENTS + " open callbacks");
        assertThat(browser.all(By.id("board-more"))).isEmpty();
        browser.follow(By.id("board-first"));
        assertThat(rowIds()).as("back to the most urgent rows").isEqualTo(appointments.subList(0, 200));
    }

    // ---- helpers ----

    private String board(String query) {
        return "/practices/" + desk.practice().id() + "/board" + query;
    }

    /** The items' ids in the board's order, as the JSON board gives them (one page of up to 1,000). */
    private List<String> apiOrder(String filters) {
        var response = desk.fx().admin().get("/api/v1/practices/" + desk.practice().id() + "/callbacks?limit=1000" + filters);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return Fixtures.ids(response.body());
    }

    /** The rows' item ids, read in one script: the 15 s refresh may replace the table between WebDriver calls. */
    @SuppressWarnings("unchecked")
    private List<String> rowIds() {
        browser.find(By.id("board"));
        var hrefs = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
                return Array.from(document.querySelectorAll("#board tbody tr td:nth-child(2) a[href^='/callbacks/']"))
                    .map(link => link.getAttribute('href'));""");
        return hrefs.stream().map(href -> href.substring("/callbacks/".length())).toList();
    }

    /**
     * A practice with more open items than a first page: appointment requests and billing questions from distinct
     * callers (so none is a repeat of another), received a minute apart.
     */
    private static Desk deskWithManyItems(Fixtures fx) {
        Fixtures.Practice practice = fx.practice();
        for (int i = 0; i < APPOINTMENTS + BILLING; i++) {
            String phone = "+1 %s 555 01%02d".formatted(AREA_CODES.get(i / 100), i % 100);
            fx.aCallback(practice.id()).channel("MISSED_CALL").inCategory(i % 12 == 5 && i / 12 < BILLING ? "BILLING" : "APPOINTMENT_REQUEST")
                    .fromCaller(phone, "Caller " + i).receivedAt(MONDAY_0900.minus(Duration.ofMinutes(i + 2))).create();
        }
        return new Desk(practice, fx.staff(practice.id()), fx);
    }
}
