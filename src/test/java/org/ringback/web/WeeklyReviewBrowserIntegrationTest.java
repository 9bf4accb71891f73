package org.ringback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.ringback.demo.DemoPractice;
import org.ringback.support.Api;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The weekly review pack of the demo practice in real headless Chromium: reached from the navigation, its four
 * ECharts charts drawn (as SVG), its headline numbers shown, no inline script, and the PDF behind its download
 * button carrying the same headline numbers. Screenshot: {@code target/screenshots/weekly-review.png}.
 */
@IntegrationTest
class WeeklyReviewBrowserIntegrationTest {

    private static final List<String> CHARTS = List.of("chart-trend", "chart-backlog", "chart-heatmap", "chart-reach");

    private static StaffBrowser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DemoPractice demo;

    String practiceId;

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

    @BeforeEach
    void setUp() {
        practiceId = DemoPracticeOnce.ensure(demo, clock).id().toString();
        browser.at(port);
        browser.viewport(StaffBrowser.LAPTOP);
    }

    @Test
    void theManagersPackRendersWithChartsAndItsPdfCarriesTheHeadlineNumbers() throws Exception {
        browser.signInAs("morgan", DemoPracticeOnce.PASSWORD);
        browser.open("/practices/" + practiceId + "/board");
        browser.follow(By.id("nav-weekly-review"));

        // Monday 2026-11-23 11:00 in New York: the last complete week is 2026-W47.
        assertThat(browser.path()).startsWith("/practices/" + practiceId + "/reviews/2026-W47");
        assertThat(browser.text(By.id("week"))).isEqualTo("2026-W47");
        for (String chart : CHARTS) {
            browser.waitUntil(d -> "true".equals(d.findElement(By.id(chart)).getAttribute("data-drawn")));
            WebElement element = browser.find(By.id(chart));
            assertThat(element.findElements(By.cssSelector("svg path")).size()).as(chart).isGreaterThan(5);
            assertThat(element.getSize().getHeight()).as(chart).isGreaterThan(100);
        }
        String volume = browser.text(By.cssSelector("#h-volume td.this-week"));
        String onTime = browser.text(By.cssSelector("#h-onTime td.this-week"));
        String median = browser.text(By.cssSelector("#h-firstAttemptMedian td.this-week"));
        assertThat(Integer.parseInt(volume)).isGreaterThan(20);
        assertThat(onTime).matches("\\d+\\.\\d%");
        assertThat(median).matches("\\d+ min");
        assertThat(browser.all(By.cssSelector("#sample .sample-item"))).isNotEmpty();
        assertThat(browser.all(By.cssSelector("#csv-links a.csv-link"))).hasSize(5);
        assertThat(inlineScripts()).isZero();
        browser.scrollIntoView(browser.find(By.id("chart-trend")));
        browser.screenshot("weekly-review");

        String pdfLink = browser.find(By.id("download-pdf")).getAttribute("href");
        byte[] pdf = getWithSession(pdfLink);
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("2026-W47");
            assertThat(text).containsPattern("Items received\\s+" + volume + "\\s");
            assertThat(text).containsPattern("First attempts within window\\s+" + onTime.replace(".", "\\.") + "\\s");
            assertThat(text).containsPattern("Time to first attempt, median \\(business\\)\\s+" + median);
        }
    }

    @Test
    void anAdminSeesAllTheirPracticesSideBySide() {
        browser.signInAs("admin", Api.ADMIN_PASSWORD);
        browser.open("/reviews/2026-W47");

        List<String> columns = browser.all(By.cssSelector("#side-by-side thead th a")).stream().map(WebElement::getText).toList();
        assertThat(columns).contains("Lakeside Family Medicine");
        assertThat(browser.all(By.cssSelector("#side-by-side tbody tr"))).hasSize(11);
        browser.screenshot("weekly-review-all-practices");
    }

    @Test
    void staffSeeTheNumbersButNotTheItemSampleOrTheRowsAndATypoInTheWeekIsExplained() {
        browser.signInAs("dana", DemoPracticeOnce.PASSWORD);
        browser.open("/practices/" + practiceId + "/reviews/2026-W47");

        assertThat(Integer.parseInt(browser.text(By.cssSelector("#h-volume td.this-week")))).isGreaterThan(20);
        assertThat(browser.all(By.id("sample"))).isEmpty();
        assertThat(browser.all(By.cssSelector("a.csv-link"))).isEmpty();

        browser.open("/practices/" + practiceId + "/reviews/2026-48");
        assertThat(browser.text(By.tagName("main"))).contains("must be an ISO week such as 2026-W48");
    }

    /** Scripts the page runs from its own text: a CSP without 'unsafe-inline' would block them. */
    private long inlineScripts() {
        Number count = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.scripts).filter(s => !s.src && s.type !== 'application/json').length;");
        return count.longValue();
    }

    /** The download as the signed-in browser would get it: with its session cookie. */
    private byte[] getWithSession(String url) throws IOException, InterruptedException {
        String cookies = String.join("; ", browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).toList());
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        return response.body();
    }
}
