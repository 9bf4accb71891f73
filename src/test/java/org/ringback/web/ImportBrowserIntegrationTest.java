package org.ringback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The import page in headless Chromium: a manager uploads a list, htmx follows the job to its result. */
@IntegrationTest
class ImportBrowserIntegrationTest {

    private static StaffBrowser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @TempDir
    Path dir;

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

    @Test
    void aManagerUploadsAListWithBadRowsAndTheJobShowsTheRefusalAndTheReport() throws Exception {
        clock.set(MONDAY_0900);
        var fx = new Fixtures(port);
        String practiceId = fx.practice().id();
        var manager = fx.user(practiceId, "MANAGER");
        Path file = Files.writeString(dir.resolve("callbacks.csv"), """
                Phone,Date/Time,Name,Reason
                617-555-0101,2026-11-20 09:15,Maria Lopez,refill question
                not a phone,2026-11-20 09:20,James Smith,billing
                """);

        browser.at(port).signInAs(manager.username(), manager.password());
        browser.open("/practices/" + practiceId + "/imports");
        browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.submit(By.cssSelector("#upload button[type=submit]"));

        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(d -> "REFUSED".equals(d.findElement(By.id("job")).getAttribute("data-status")));
        assertThat(browser.find(By.id("job-status")).getText()).isEqualTo("Refused: nothing was imported");
        assertThat(browser.find(By.id("rows-rejected")).getText()).isEqualTo("1");
        assertThat(browser.find(By.id("error-report")).getAttribute("href")).endsWith("/errors.csv");
        browser.screenshot("import-refused");
        browser.signOut();
    }
}
