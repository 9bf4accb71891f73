package org.ringback.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page driver for the staff web app in headless Chromium: Debian's chromium and chromium-driver, given by
 * path so Selenium Manager never looks for (or downloads) a browser or driver. One instance per test class.
 */
final class StaffBrowser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Dimension LAPTOP = new Dimension(1366, 768);
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final Path profile;
    private String baseUrl;
    private String signedInAs;

    private StaffBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static StaffBrowser start() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Logger.getLogger("org.openqa.selenium").setLevel(Level.WARNING);
        try {
            Path profile = Files.createTempDirectory("ringback-chromium-");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=" + LAPTOP.width + "," + LAPTOP.height, "--lang=en-US",
                    "--user-data-dir=" + profile.toAbsolutePath());
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            var browser = new StaffBrowser(new ChromeDriver(service, options), profile);
            browser.viewport(LAPTOP);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StaffBrowser at(int port) {
        this.baseUrl = "http://localhost:" + port;
        return this;
    }

    ChromeDriver driver() {
        return driver;
    }

    String baseUrl() {
        return baseUrl;
    }

    // ---- navigation and sign-in ----

    void open(String path) {
        driver.get(baseUrl + path);
        waitForPage();
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** Signs in through the login page unless this user is already signed in; another user is signed out first. */
    void signInAs(String username, String password) {
        if (username.equals(signedInAs)) {
            return;
        }
        signOut();
        open("/login");
        typeInto(By.id("username"), username);
        typeInto(By.id("password"), password);
        submit(By.cssSelector("main.login-box form button[type=submit]"));
        signedInAs = username;
    }

    /** Forgets the session (the cookie), so the next page asks to sign in. */
    void signOut() {
        if (baseUrl != null && driver.getCurrentUrl().startsWith(baseUrl)) {
            driver.manage().deleteAllCookies();
        } else if (baseUrl != null) {
            driver.get(baseUrl + "/login");
            driver.manage().deleteAllCookies();
        }
        signedInAs = null;
    }

    /** Notes a sign-out done through the page. */
    void signedOut() {
        signedInAs = null;
    }

    // ---- page content ----

    WebElement find(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Optional<WebElement> maybe(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    String text(By by) {
        return find(by).getText();
    }

    /** The green flash message of the last action. */
    String flash() {
        return text(By.cssSelector("p.flash.info"));
    }

    /** The red refusal of the last action, if any. */
    Optional<String> refusal() {
        return maybe(By.cssSelector("p.flash.error")).map(WebElement::getText);
    }

    String title() {
        return driver.getTitle();
    }

    String heading() {
        return text(By.cssSelector("main h1"));
    }

    // ---- forms ----

    void typeInto(By field, String text) {
        WebElement element = find(field);
        element.clear();
        element.sendKeys(text);
    }

    void choose(By select, String value) {
        new Select(find(select)).selectByValue(value);
    }

    void check(By checkbox) {
        WebElement box = find(checkbox);
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** Sets a field's value as a script would (for date inputs, whose typing depends on the browser's locale). */
    void setValue(By field, String value) {
        WebElement element = find(field);
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value);
    }

    /** Clicks a submit button and waits for the next page (Post/Redirect/Get) to load. */
    void submit(By button) {
        WebElement element = find(button);
        scrollIntoView(element);
        element.click();
        waitUntil(replaced(element));
        waitForPage();
    }

    /** Clicks a link and waits for the page it leads to. */
    void follow(By link) {
        var wait = new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class);
        WebElement element = wait.until(d -> {
            WebElement found = d.findElement(link);
            scrollIntoView(found);
            found.click();
            return found;
        });
        waitUntil(replaced(element));
        waitForPage();
    }

    /**
     * True once the element's page has been replaced. Chrome reports a node of the old document either as stale or,
     * while the new one is loading, as a plain error ("does not belong to the document"); both mean it is gone.
     */
    private static java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> replaced(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    void scrollIntoView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    // ---- waits, layout and screenshots ----

    <T> T waitUntil(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class).until(condition);
    }

    void waitForPage() {
        waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Sets the size of the page's viewport (not the window) to exactly this, as a screen of that size shows it. */
    void viewport(Dimension size) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", size.width, "height", size.height, "deviceScaleFactor", 1, "mobile", false));
    }

    Dimension viewport() {
        @SuppressWarnings("unchecked")
        var size = (List<Number>) ((JavascriptExecutor) driver).executeScript("return [window.innerWidth, window.innerHeight];");
        return new Dimension(size.get(0).intValue(), size.get(1).intValue());
    }

    /** How many CSS pixels the page is wider than the viewport: more than 0 means a horizontal scroll bar. */
    int horizontalOverflow() {
        Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        return overflow.intValue();
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temp profile left behind is harmless.
        }
    }
}
