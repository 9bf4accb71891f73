package org.ringback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ringback.demo.DemoPractice;
import org.ringback.support.Api;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The patient web form of the demo practice ({@code /p/lakeside/callback}) in real headless Chromium, at
 * Monday 2026-11-23 11:00 New York: a patient asks for a call in English and in Spanish and sees the practice's
 * real promise; a robot that fills the hidden trap field is answered like a person and nothing is kept; red-flag
 * words show the emergency guidance while they are typed. Screenshots land in {@code target/screenshots/}.
 */
@IntegrationTest
class PatientWebFormBrowserIntegrationTest {

    private static final String FORM = "/p/lakeside/callback";
    private static StaffBrowser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DemoPractice demo;

    @Autowired
    JdbcClient jdbc;

    String practiceId;
    Api admin;

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
        browser.signOut();
        admin = Api.admin(port);
    }

    @Test
    void aPatientAsksForACallInEnglishAndSeesThePromisedTime() {
        int before = openCallbacks();
        browser.open(FORM);
        assertThat(browser.heading()).isEqualTo("Ask Lakeside Family Medicine to call you back");
        browser.typeInto(By.id("name"), "Grace Okafor");
        browser.typeInto(By.id("phone"), "(413) 555-0142");
        browser.choose(By.id("reason"), "REFERRAL");
        browser.typeInto(By.id("details"), "Has my cardiology referral arrived?");
        browser.check(By.id("window-MORNING"));
        browser.check(By.id("voicemail"));
        browser.screenshot("webform-01-form-en");
        browser.submit(By.id("send"));

        assertThat(browser.path()).matches("/p/lakeside/callback/thanks/[0-9a-f-]{36}\\?lang=en")
                .doesNotContain("Grace").doesNotContain("413");
        // Referral status is promised by noon of the next business day: Tuesday 12:00 in New York.
        assertThat(browser.text(By.id("promise"))).isEqualTo("We will call you by tomorrow at 12:00 PM.");
        browser.screenshot("webform-02-thanks-en");
        assertThat(openCallbacks()).isEqualTo(before + 1);
    }

    @Test
    void aPatientSwitchesToSpanishAndSeesThePromiseInSpanish() {
        browser.open(FORM);
        browser.follow(By.id("language-switch"));
        assertThat(browser.heading()).isEqualTo("Pida a Lakeside Family Medicine que le llame");
        assertThat(browser.text(By.cssSelector("label[for=name]"))).isEqualTo("Su nombre");
        browser.typeInto(By.id("name"), "Lucía Torres");
        browser.typeInto(By.id("phone"), "413 555 0143");
        browser.choose(By.id("reason"), "BILLING");
        browser.check(By.id("sms"));
        browser.screenshot("webform-03-form-es");
        browser.submit(By.id("send"));

        assertThat(browser.path()).endsWith("?lang=es").doesNotContain("Luc");
        // Billing is promised by the close of the next business day: Tuesday 17:00 in New York.
        assertThat(browser.text(By.id("promise"))).isEqualTo("Le llamaremos a más tardar mañana a las 17:00.");
        browser.screenshot("webform-04-thanks-es");
    }

    @Test
    void aRobotThatFillsTheTrapIsAnsweredLikeAPersonButNothingIsKept() {
        int before = openCallbacks();
        int submissionsBefore = submissions();
        long trappedBefore = admin.get("/api/v1/practices/" + practiceId + "/web-form").json("/spamTrapped").asLong();
        browser.open(FORM);
        assertThat(browser.driver().findElement(By.id("website")).isDisplayed()).as("people never see the trap").isFalse();
        browser.typeInto(By.id("name"), "Cheap Pills");
        browser.typeInto(By.id("phone"), "(413) 555-0144");
        browser.choose(By.id("reason"), "OTHER");
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('website').value = 'http://spam.example';");
        browser.submit(By.id("send"));

        assertThat(browser.heading()).isEqualTo("We have your request");
        assertThat(browser.text(By.id("promise"))).startsWith("We will call you by ");
        assertThat(openCallbacks()).as("no callback").isEqualTo(before);
        assertThat(submissions()).as("no submission").isEqualTo(submissionsBefore);
        assertThat(jdbc.sql("select count(*) from patient_phone where phone = '+14135550144'").query(Integer.class).single())
                .as("no patient").isZero();
        assertThat(admin.get("/api/v1/practices/" + practiceId + "/web-form").json("/spamTrapped").asLong())
                .as("counted").isEqualTo(trappedBefore + 1);
    }

    @Test
    void redFlagWordsShowTheEmergencyGuidanceWhileTyping() {
        int submissionsBefore = submissions();
        browser.open(FORM);
        assertThat(browser.all(By.cssSelector("#screening [role=alert]"))).isEmpty();
        browser.typeInto(By.id("details"), "I have chest pain since this morning");
        var guidance = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#screening [role=alert]")));
        assertThat(guidance.getText()).contains("Please do not wait for our call").contains("Call 911 now");
        browser.screenshot("webform-05-red-flag-en");
        assertThat(submissions()).as("nothing is filed while typing").isEqualTo(submissionsBefore);

        browser.open(FORM + "?lang=es");
        browser.typeInto(By.id("details"), "tengo dolor de pecho");
        var spanish = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#screening [role=alert]")));
        assertThat(spanish.getText()).contains("Llame al 911 ahora");
        browser.typeInto(By.id("details"), "necesito una cita");
        browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#screening [role=alert]")));
    }

    private int openCallbacks() {
        return admin.get("/api/v1/practices/" + practiceId + "/callbacks?limit=1000").json("/items").size();
    }

    private int submissions() {
        return jdbc.sql("select count(*) from webform_submission where practice_id = :id")
                .param("id", UUID.fromString(practiceId)).query(Integer.class).single();
    }
}
