package org.ringback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ringback.demo.DemoPractice;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff web app in real headless Chromium against the running app and the demo practice (Lakeside Family
 * Medicine, four weeks of history up to Monday 2026-11-23 11:00 New York): the desk's day from sign-in to the
 * end-of-day review. Screenshots of each main page land in {@code target/screenshots/}.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffWebBrowserIntegrationTest {

    private static final String CHANGED_ELSEWHERE = "changed since you loaded it";
    private static final AtomicInteger PHONES = new AtomicInteger(10);

    private static StaffBrowser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DemoPractice demo;

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
        admin = Api.admin(port);
    }

    // ---- the scenarios of the issue ----

    @Test
    @Order(1)
    void signInLandsOnTheBoardWithTheDemoPracticesQueue() {
        browser.signOut();
        browser.open("/");
        assertThat(browser.path()).as("an anonymous visitor is sent to sign in").startsWith("/login");
        assertThat(browser.viewport()).as("the screenshots show a 1366x768 screen").isEqualTo(StaffBrowser.LAPTOP);
        browser.screenshot("01-login");

        browser.typeInto(By.id("username"), "dana");
        browser.typeInto(By.id("password"), "not-her-password");
        browser.submit(By.cssSelector("main.login-box form button[type=submit]"));
        assertThat(browser.refusal()).as("a wrong password is refused on the page").hasValueSatisfying(
                message -> assertThat(message).contains("Wrong username or password"));

        browser.signInAs("dana", DemoPracticeOnce.PASSWORD);
        assertThat(browser.path()).as("a single-practice user lands on that practice's board").isEqualTo(board());
        assertThat(browser.heading()).contains("Callback queue").contains("Lakeside Family Medicine");
        assertThat(browser.text(By.cssSelector(".top .who"))).isEqualTo("Dana Reyes");

        List<WebElement> rows = boardRows();
        int open = admin.get("/api/v1/practices/" + practiceId + "/callbacks?limit=1000").body().at("/items").size();
        assertThat(rows).as("the demo practice has a live queue").hasSizeGreaterThan(20);
        assertThat(rows).as("one row per open item, as the API counts them").hasSize(open);
        assertThat(browser.text(By.cssSelector("#board caption"))).startsWith(rows.size() + " open callbacks");
        assertThat(browser.all(By.cssSelector("#board thead th"))).extracting(WebElement::getText).containsExactly(
                "Urgency", "Patient", "Why", "Owner or queue", "Age", "Due", "Tried", "Status", "Next");
        WebElement first = rows.get(0);
        assertThat(first.findElement(By.cssSelector("td:nth-child(2) a")).getDomAttribute("href")).contains("/callbacks/");
        assertThat(first.findElements(By.tagName("td"))).hasSize(9);
        assertThat(browser.horizontalOverflow()).as("the board fits a 1366 px wide screen without scrolling sideways").isLessThanOrEqualTo(0);
        browser.screenshot("02-board");
    }

    @Test
    @Order(2)
    void theOverdueFilterLeavesOnlyOverdueItems() {
        browser.signInAs("dana", DemoPracticeOnce.PASSWORD);
        browser.open(board());
        List<WebElement> everything = boardRows();
        int all = everything.size();
        long markedOverdue = everything.stream()
                .filter(row -> row.findElement(By.cssSelector("span.due")).getDomAttribute("class").contains("overdue")).count();

        browser.check(By.cssSelector("form.filters input[name=overdue]"));
        browser.submit(By.cssSelector("form.filters button[type=submit]"));

        assertThat(browser.path()).contains("overdue=true");
        assertThat(browser.find(By.cssSelector("form.filters input[name=overdue]")).isSelected()).as("the filter stays on").isTrue();
        List<WebElement> rows = boardRows();
        assertThat(rows).as("the demo queue has overdue items on Monday at 11:00").isNotEmpty();
        assertThat(rows.size()).as("the filter narrows the queue").isLessThan(all);
        for (WebElement row : rows) {
            assertThat(row.findElement(By.cssSelector("span.due")).getDomAttribute("class"))
                    .as("every row the overdue filter shows is marked overdue: %s", row.getText()).contains("overdue");
        }
        assertThat(rows).as("the filter shows every item the board marks overdue").hasSize((int) markedOverdue);
        assertThat(browser.find(By.id("board")).getDomAttribute("hx-get")).as("the 15 s refresh asks for the same filtered rows")
                .contains("overdue=true");
        browser.screenshot("03-board-overdue");
    }

    @Test
    @Order(3)
    void openAnItemFromTheBoardAndLogAFailedAttemptToSeeTheNextAttemptTime() {
        String caller = "Rosa Ortiz";
        String id = newCallback("APPOINTMENT_REQUEST", caller, "Needs a follow-up visit for her knee");
        browser.signInAs("dana", DemoPracticeOnce.PASSWORD);
        browser.open(board());
        browser.choose(By.cssSelector("form.filters select[name=category]"), "APPOINTMENT_REQUEST");
        browser.submit(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.path()).contains("category=APPOINTMENT_REQUEST");
        WebElement row = rowOf(id);
        assertThat(row.getText()).contains(caller).contains("0 of 3").contains("New");

        browser.follow(By.cssSelector("#board a[href='/callbacks/" + id + "']"));
        assertThat(browser.path()).isEqualTo("/callbacks/" + id);
        assertThat(browser.heading()).contains(caller).contains("Appointment request · New");
        assertThat(browser.find(By.id("attempt-form")).isDisplayed()).isTrue();
        assertThat(browser.horizontalOverflow()).as("the workspace fits a 1366 px wide screen").isLessThanOrEqualTo(0);
        browser.screenshot("04-workspace");

        browser.choose(By.id("method"), "PHONE");
        browser.choose(By.id("result"), "NO_ANSWER");
        browser.submit(By.cssSelector("#attempt-form button[type=submit]"));
        assertThat(browser.refusal()).as("'called' alone is not a record: a failed attempt needs a next action").isPresent();
        assertThat(browser.heading()).as("nothing was recorded").contains("Appointment request · New");

        browser.choose(By.id("method"), "PHONE");
        browser.choose(By.id("result"), "NO_ANSWER");
        browser.check(By.cssSelector("#attempt-form input[name=messageLeft]"));
        browser.typeInto(By.id("nextAction"), "Try again in another window");
        browser.submit(By.cssSelector("#attempt-form button[type=submit]"));

        // Tried at 11:00 (the MIDDAY window); the ladder waits 2 hours and moves to a window not tried yet: AFTERNOON at 14:00.
        assertThat(browser.refusal()).isEmpty();
        assertThat(browser.flash()).isEqualTo("Attempt saved. Next attempt: Mon 23 Nov 14:00.");
        assertThat(browser.text(By.id("next-action"))).contains("Try again in another window").contains("Mon 23 Nov 14:00");
        assertThat(browser.heading()).contains("In progress");
        assertThat(browser.text(By.cssSelector("ol.timeline"))).contains("Attempt logged").contains("Next attempt scheduled")
                .doesNotContain("ATTEMPT_RECORDED");
        assertThat(admin.get("/api/v1/callbacks/" + id).text("/nextActionAt")).isEqualTo("2026-11-23T19:00:00Z");
        browser.screenshot("05-workspace-after-failed-attempt");

        browser.open(board() + "?category=APPOINTMENT_REQUEST");
        assertThat(rowOf(id).getText()).as("the board shows what was tried and when the next attempt is")
                .contains("1 of 3 · No answer").contains("Mon 14:00");
    }

    @Test
    @Order(4)
    void waitOnReferralDocuments() {
        String id = newCallback("REFERRAL_STATUS", "Tom Becker", "Has the cardiology referral arrived?");
        browser.signInAs("alex", DemoPracticeOnce.PASSWORD);
        browser.open("/callbacks/" + id);

        browser.choose(By.id("on"), "REFERRAL_DOCUMENTS");
        browser.setValue(By.id("expectedBy"), "2026-11-25");
        browser.typeInto(By.cssSelector("#wait-form input[name=note]"), "Cardiology to fax the letter");
        browser.submit(By.cssSelector("#wait-form button[type=submit]"));

        assertThat(browser.refusal()).isEmpty();
        assertThat(browser.flash()).startsWith("Waiting.");
        assertThat(browser.heading()).contains("Waiting on internal action");
        assertThat(browser.text(By.cssSelector("main"))).contains("referral documents · 2026-11-25");
        assertThat(browser.text(By.id("next-action"))).contains("Follow up").contains("Wed 25 Nov 08:00");
        assertThat(browser.all(By.xpath("//form[contains(@action, '/resume')]//button"))).as("a waiting item can be resumed").hasSize(1);
        assertThat(browser.text(By.cssSelector("ol.timeline"))).contains("Waiting started");
        assertThat(admin.get("/api/v1/callbacks/" + id).text("/status")).isEqualTo("WAITING_ON_INTERNAL");
        browser.screenshot("06-workspace-waiting-on-referral");

        browser.open(board() + "?waiting=INTERNAL");
        assertThat(rowOf(id).getText()).contains("Waiting on referral documents");
    }

    @Test
    @Order(5)
    void closeAReachedItemAsBooked() {
        String id = newCallback("APPOINTMENT_REQUEST", "Lena Fischer", "Would like an appointment for a physical");
        browser.signInAs("dana", DemoPracticeOnce.PASSWORD);
        browser.open("/callbacks/" + id);

        browser.choose(By.id("result"), "REACHED");
        browser.typeInto(By.id("patientResponse"), "Wants the first morning slot");
        browser.typeInto(By.id("attempt-visitType"), "Annual physical");
        browser.typeInto(By.id("attempt-availability"), "Weekday mornings");
        browser.typeInto(By.id("attempt-providerPreference"), "Any provider");
        browser.typeInto(By.id("attempt-deadline"), "Before 15 Dec");
        browser.submit(By.cssSelector("#attempt-form button[type=submit]"));
        assertThat(browser.refusal()).isEmpty();
        assertThat(browser.flash()).startsWith("Attempt saved");
        assertThat(admin.get("/api/v1/callbacks/" + id).text("/details/visitType")).as("the attempt's required notes are kept")
                .isEqualTo("Annual physical");

        browser.choose(By.id("outcome"), "BOOKED");
        browser.typeInto(By.id("close-note"), "Booked Tue 1 Dec 08:30");
        browser.submit(By.cssSelector("#close-form button[type=submit]"));

        assertThat(browser.refusal()).isEmpty();
        assertThat(browser.flash()).isEqualTo("Closed as BOOKED.");
        assertThat(browser.heading()).contains("Closed");
        assertThat(browser.text(By.cssSelector("main"))).contains("BOOKED · dana");
        assertThat(browser.all(By.id("close-form"))).as("a closed item has no actions").isEmpty();
        assertThat(browser.all(By.id("attempt-form"))).isEmpty();
        var callback = admin.get("/api/v1/callbacks/" + id);
        assertThat(callback.text("/status")).isEqualTo("CLOSED");
        assertThat(callback.text("/closure/outcome")).isEqualTo("BOOKED");
        browser.screenshot("07-workspace-closed-booked");

        browser.open(board());
        assertThat(browser.all(By.cssSelector("#board a[href='/callbacks/" + id + "']"))).as("a closed item leaves the board").isEmpty();
    }

    @Test
    @Order(6)
    void theWorkspaceShowsTheRequiredNotesAlreadyTaken() {
        String id = newCallback("APPOINTMENT_REQUEST", "Mei Silva", "Needs a new patient visit for her son");
        var noted = admin.post("/api/v1/callbacks/" + id + "/attempts", Api.json("""
                {'method': 'PHONE', 'at': '%s', 'result': 'REACHED', 'patientResponse': 'Prefers Tuesday',
                 'details': {'visitType': 'New patient visit', 'availability': 'Tuesday mornings'}}""", DemoPracticeOnce.NOW));
        assertThat(noted.status()).as(noted.raw()).isEqualTo(201);
        browser.signInAs("dana", DemoPracticeOnce.PASSWORD);
        browser.open("/callbacks/" + id);
        assertThat(browser.find(By.id("attempt-visitType")).getDomProperty("value")).as("the attempt form shows the notes taken")
                .isEqualTo("New patient visit");
        assertThat(browser.find(By.id("close-availability")).getDomProperty("value")).as("the close form shows the notes taken")
                .isEqualTo("Tuesday mornings");
    }

    @Test
    @Order(7)
    void aStaleCloseIsAnsweredWithAMessageNotAnErrorPage() {
        String id = newCallback("APPOINTMENT_REQUEST", "Omar Haddad", "Needs an appointment next week");
        browser.signInAs("dana", DemoPracticeOnce.PASSWORD);
        browser.open("/callbacks/" + id);
        browser.choose(By.id("outcome"), "BOOKED");
        browser.typeInto(By.id("close-visitType"), "Follow-up");
        browser.typeInto(By.id("close-availability"), "Tuesdays");
        browser.typeInto(By.id("close-providerPreference"), "Dr. Patel");
        browser.typeInto(By.id("close-deadline"), "Next week");

        // Meanwhile a colleague hands the item to alex: the page's version is now stale.
        var assigned = admin.post("/api/v1/callbacks/" + id + "/assign", Api.json("{'owner': 'alex'}"));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);

        browser.submit(By.cssSelector("#close-form button[type=submit]"));
        assertThat(browser.title()).doesNotContain("Something went wrong");
        assertThat(browser.path()).isEqualTo("/callbacks/" + id);
        assertThat(browser.refusal()).as("the page says why it did not close").hasValueSatisfying(
                message -> assertThat(message).contains(CHANGED_ELSEWHERE));
        assertThat(browser.heading()).as("the page shows the item as it is now").contains("Appointment request · New");
        assertThat(browser.text(By.cssSelector("main"))).contains("alex");
        assertThat(admin.get("/api/v1/callbacks/" + id).text("/status")).isEqualTo("NEW");
        browser.screenshot("08-workspace-stale-close");
    }

    @Test
    @Order(8)
    void aNonClinicalUserCannotCloseAClinicalItemButAClinicalUserCan() {
        String id = newCallback("CLINICAL_CONCERN", "Grace Okafor", "Question about her new blood pressure medicine");
        browser.signInAs("alex", DemoPracticeOnce.PASSWORD);
        browser.open("/callbacks/" + id);

        // Front desk is not offered the close form on a clinical item, and is told why (the API refuses it too).
        assertThat(browser.all(By.id("close-form"))).isEmpty();
        assertThat(browser.find(By.id("close-h")).findElement(By.xpath("..")).getText())
                .contains("only clinical staff may close it");
        assertThat(admin.get("/api/v1/callbacks/" + id).text("/status")).isNotEqualTo("CLOSED");
        browser.screenshot("09-workspace-clinical-close-refused");

        browser.signInAs("sam", DemoPracticeOnce.PASSWORD);
        browser.open("/callbacks/" + id);
        browser.choose(By.id("outcome"), "ROUTED_FOR_REVIEW");
        browser.typeInto(By.id("close-note"), "Reviewed by the nurse; provider to call");
        browser.submit(By.cssSelector("#close-form button[type=submit]"));
        assertThat(browser.refusal()).isEmpty();
        assertThat(browser.flash()).isEqualTo("Closed as ROUTED_FOR_REVIEW.");
        assertThat(admin.get("/api/v1/callbacks/" + id).text("/closure/closedBy")).isEqualTo("sam");
    }

    @Test
    @Order(9)
    void theEndOfDayReviewHandsChosenItemsToTomorrowsOwner() {
        String id = newCallback("APPOINTMENT_REQUEST", "Ben Murphy", "Wants to book a flu shot");
        browser.signInAs("morgan", DemoPracticeOnce.PASSWORD);
        browser.open(board());
        browser.follow(By.linkText("End-of-day review"));

        assertThat(browser.path()).isEqualTo("/practices/" + practiceId + "/review");
        assertThat(browser.heading()).contains("End-of-day review").contains("2026-11-23");
        for (String bucket : List.of("dueToday", "noAttemptYet", "waitingOnPatient", "waitingOnInternal", "needsEscalation",
                "canBeClosedPerPolicy")) {
            WebElement section = browser.find(By.id("bucket-" + bucket));
            int items = section.findElements(By.cssSelector("li input[name=ids]")).size();
            assertThat(section.findElement(By.tagName("h2")).getText()).as("the heading counts the bucket's items")
                    .endsWith("(" + items + ")");
        }
        assertThat(browser.all(By.cssSelector("#bucket-dueToday li input[name=ids]"))).as("the demo queue has items due today").isNotEmpty();
        WebElement mine = browser.find(By.cssSelector("#bucket-dueToday input[name=ids][value='" + id + "']"));
        assertThat(browser.all(By.cssSelector("#bucket-noAttemptYet input[name=ids][value='" + id + "']"))).hasSize(1);
        browser.screenshot("10-review");

        browser.scrollIntoView(mine);
        mine.click();
        browser.typeInto(By.id("bulk-owner"), "alex");
        browser.submit(By.cssSelector("#bulk-assign button[type=submit]"));

        assertThat(browser.refusal()).isEmpty();
        assertThat(browser.flash()).contains("1 ").contains("alex");
        WebElement item = browser.find(By.xpath("//section[@id='bucket-dueToday']//li[.//input[@value='" + id + "']]"));
        assertThat(item.getText()).contains("owner: alex");
        assertThat(admin.get("/api/v1/callbacks/" + id).text("/owner")).isEqualTo("alex");
        browser.screenshot("11-review-assigned");
    }

    @Test
    @Order(10)
    void anItemTickedInTwoBucketsOfTheReviewIsAssignedOnce() {
        String id = newCallback("APPOINTMENT_REQUEST", "Kwame Brown", "Needs to move his appointment");
        browser.signInAs("morgan", DemoPracticeOnce.PASSWORD);
        browser.open("/practices/" + practiceId + "/review");
        // A new item due today is listed under "due today", "no attempt yet" and "needs escalation" (its first attempt
        // is due before the day ends); a manager ticks it wherever it is seen.
        List<WebElement> boxes = browser.all(By.cssSelector("#bulk-assign input[name=ids][value='" + id + "']"));
        assertThat(boxes).hasSizeGreaterThanOrEqualTo(2);
        boxes.forEach(box -> {
            browser.scrollIntoView(box);
            box.click();
        });
        browser.typeInto(By.id("bulk-owner"), "dana");
        browser.submit(By.cssSelector("#bulk-assign button[type=submit]"));

        assertThat(browser.refusal()).isEmpty();
        assertThat(browser.flash()).as("one item was handed over").startsWith("1 ");
        long assignments = 0;
        for (var event : admin.get("/api/v1/callbacks/" + id).json("/timeline")) {
            if (event.path("type").asString().equals("ASSIGNED")) {
                assignments++;
            }
        }
        assertThat(assignments).as("one hand-over in the timeline").isEqualTo(1);
    }

    @Test
    @Order(11)
    void aNewCallbackIsScreenedForRedFlagsAsItIsTyped() {
        browser.signInAs("dana", DemoPracticeOnce.PASSWORD);
        browser.open(board());
        browser.follow(By.linkText("New callback"));
        assertThat(browser.path()).isEqualTo("/practices/" + practiceId + "/callbacks/new");

        browser.typeInto(By.id("name"), "Wei Chen");
        browser.typeInto(By.id("phone"), nextPhone());
        browser.typeInto(By.id("reason"), "My father has chest pain since this morning");
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("screening"), "chest pain"));
        assertThat(browser.text(By.cssSelector("#screening p.script.emergency"))).startsWith("If this is an emergency");
        assertThat(browser.text(By.id("screening"))).contains("I can't advise on symptoms");
        browser.screenshot("12-new-callback-red-flag");

        browser.submit(By.cssSelector("#new-callback button[type=submit]"));
        assertThat(browser.path()).startsWith("/callbacks/");
        assertThat(browser.flash()).isEqualTo("Callback created.");
        assertThat(browser.text(By.cssSelector("main h1 .badge"))).isEqualTo("Emergency");
        assertThat(browser.text(By.cssSelector("main > p.script.emergency"))).startsWith("If this is an emergency");
        browser.screenshot("13-workspace-emergency");
    }

    @Test
    @Order(12)
    void theScriptsForACallerWithoutAPatientRecordReadAsSentences() {
        String id = newCallback("GENERAL_QUESTION", "Hannah Kim", "Question about parking at the clinic");
        browser.signInAs("dana", DemoPracticeOnce.PASSWORD);
        browser.open("/callbacks/" + id);
        List<String> scripts = browser.all(By.cssSelector("p.script")).stream().map(WebElement::getText).toList();
        assertThat(scripts).isNotEmpty();
        assertThat(scripts.get(0)).as("the opening names the staff member and the practice")
                .contains("Dana Reyes").contains("Lakeside Family Medicine");
        assertThat(scripts.get(0)).as("the opening asks for the caller by the name they gave").contains("Hannah");
        assertThat(scripts).as("every placeholder is filled in").noneMatch(script -> script.contains("{") || script.contains("}"));
        assertThat(scripts).as("no script asks for a person called 'there'").noneMatch(
                script -> script.contains("with there") || script.contains("for there"));
    }

    @Test
    @Order(13)
    void theBoardOnA10InchTablet() {
        browser.signInAs("dana", DemoPracticeOnce.PASSWORD);
        try {
            browser.viewport(new Dimension(1280, 800));
            browser.open(board());
            assertThat(boardRows()).isNotEmpty();
            browser.screenshot("14-board-tablet-1280x800");
            assertThat(browser.horizontalOverflow()).as("the board fits a 1280x800 tablet").isLessThanOrEqualTo(0);

            browser.viewport(new Dimension(800, 1280));
            browser.open(board());
            browser.screenshot("15-board-tablet-800x1280");
            assertThat(browser.horizontalOverflow()).as("the board fits an 800x1280 tablet held upright").isLessThanOrEqualTo(0);
        } finally {
            browser.viewport(StaffBrowser.LAPTOP);
        }
    }

    @Test
    @Order(14)
    void aCallbackOfAnotherPracticeIsNotShown() {
        var fx = new Fixtures(port);
        var other = fx.practice();
        String id = fx.aCallback(other.id()).inCategory("BILLING").fromCaller(nextPhone(), "Someone Else")
                .reason("A question about another practice's bill").create().path("id").asString();
        browser.signInAs("dana", DemoPracticeOnce.PASSWORD);
        browser.open("/callbacks/" + id);
        assertThat(browser.text(By.cssSelector("main"))).contains("not found").doesNotContain("Someone Else")
                .doesNotContain("another practice's bill");
        assertThat(browser.all(By.id("close-form"))).isEmpty();
        browser.screenshot("16-not-found");
    }

    @Test
    @Order(15)
    void signingOutEndsTheSession() {
        browser.signInAs("dana", DemoPracticeOnce.PASSWORD);
        browser.open(board());
        browser.submit(By.cssSelector("form.signout button[type=submit]"));
        browser.signedOut();
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text(By.cssSelector("p.flash.info"))).isEqualTo("You have signed out.");
        browser.open(board());
        assertThat(browser.path()).as("the board asks to sign in again").startsWith("/login");
    }

    // ---- helpers ----

    private String board() {
        return "/practices/" + practiceId + "/board";
    }

    private List<WebElement> boardRows() {
        browser.find(By.id("board"));
        return browser.all(By.cssSelector("#board tbody tr")).stream()
                .filter(row -> !row.findElements(By.cssSelector("a[href^='/callbacks/']")).isEmpty())
                .toList();
    }

    private WebElement rowOf(String id) {
        return browser.find(By.xpath("//table[@id='board']//tr[.//a[@href='/callbacks/" + id + "']]"));
    }

    /** A new item from an unknown caller, received half an hour ago, made through the API as the admin. */
    private String newCallback(String category, String callerName, String reason) {
        var response = admin.post("/api/v1/practices/" + practiceId + "/callbacks", Api.json("""
                {'channel': 'VOICEMAIL', 'category': '%s', 'caller': {'phone': '%s', 'name': '%s'}, 'reason': '%s',
                 'receivedAt': '%s'}""", category, nextPhone(), callerName, reason, DemoPracticeOnce.NOW.minus(Duration.ofMinutes(30))));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("/id");
    }

    /** Fictional numbers (555-01xx) in an area code the demo's patients do not use, so no call is taken for a repeat. */
    private static String nextPhone() {
        return "+1 413 555 01%02d".formatted(PHONES.getAndIncrement());
    }
}
