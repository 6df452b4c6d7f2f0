/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by its chromedriver. Every page a journey reaches is checked with
 * {@link #check(String)}: axe-core finds no WCAG 2.1 A/AA violation, at 320 px wide nothing scrolls sideways, and a
 * screenshot (wide and 320 px) is saved in target/e2e/screenshots.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/e2e/screenshots");
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static String axeSource;

    final ChromeDriver driver;
    final Path downloads;
    private final String journey;
    final boolean javascript;
    private final String appBase;
    private int step;

    Browser(String journey, String appBase) throws IOException {
        this(journey, appBase, true);
    }

    /** With {@code javascript} false the browser runs no script of the pages (the checks still run, from WebDriver). */
    Browser(String journey, String appBase, boolean javascript) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The end-to-end tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (.ci/run does this)");
        }
        this.journey = journey;
        this.javascript = javascript;
        this.appBase = appBase;
        downloads =
                Files.createDirectories(Path.of("target/e2e/downloads", journey).toAbsolutePath());
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--lang=nl-NL");
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false,
                        "intl.accept_languages",
                        "nl-NL,nl",
                        "profile.managed_default_content_settings.javascript",
                        javascript ? 1 : 2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    void open(String path) {
        driver.get(path.startsWith("http") ? path : appBase + path);
        waitForLoad();
    }

    /** Runs an action that leaves the page (a click, Enter on a link) and waits until the next page has loaded. */
    void leavingPage(Runnable action) {
        // a mark on the current document: the next document does not have it
        String mark = Long.toHexString(System.nanoTime());
        js("window.__e2eMark = arguments[0]", mark);
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                return !mark.equals(((JavascriptExecutor) d).executeScript("return window.__e2eMark"))
                        && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
            } catch (WebDriverException e) {
                return false; // the old document is going away: ask again
            }
        });
    }

    void waitForLoad() {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The page's checks: axe-core (WCAG 2.1 A and AA), no sideways scrolling at 320 px, screenshots. */
    void check(String name) throws IOException {
        step++;
        String file = String.format("%s-%02d-%s", journey, step, name);
        save(file + ".png");
        // axe-core needs the page's timers, which do not run without JavaScript: such pages are checked with it on
        String violations = javascript ? axe() : "[]";
        assertEquals(
                "[]",
                violations,
                "axe-core found WCAG 2.1 A/AA violations on " + driver.getCurrentUrl() + " (" + name + ")");
        driver.manage().window().setSize(new Dimension(320, 1000));
        try {
            long scrollWidth = (Long) js("return document.documentElement.scrollWidth");
            long clientWidth = (Long) js("return document.documentElement.clientWidth");
            save(file + "-320px.png");
            assertEquals(
                    "[]",
                    javascript ? axe() : "[]",
                    "axe-core found WCAG 2.1 A/AA violations at 320 px on " + driver.getCurrentUrl());
            assertTrue(
                    scrollWidth <= clientWidth,
                    "at 320 px " + driver.getCurrentUrl() + " (" + name + ") scrolls sideways: " + scrollWidth + " > "
                            + clientWidth + "; widest: " + widest());
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    private String widest() {
        return String.valueOf(js("""
                var w = document.documentElement.clientWidth, out = [];
                function clipped(e) {
                  for (var p = e.parentElement; p; p = p.parentElement) {
                    var o = getComputedStyle(p).overflowX;
                    if (o === 'auto' || o === 'scroll' || o === 'hidden') { return true; }
                  }
                  return false;
                }
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.right > w + 1 && !clipped(e)) { out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); }
                });
                return out.slice(0, 5).join(', ');"""));
    }

    String axe() throws IOException {
        if (!(Boolean) js("return typeof axe !== 'undefined'")) {
            js(axeSource());
        }
        Object result = driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                  .then(function (r) {
                    done(JSON.stringify(r.violations.map(function (v) {
                      return { id: v.id, impact: v.impact, help: v.help,
                               nodes: v.nodes.map(function (n) { return n.target.join(' ') + ': ' + n.failureSummary; }) };
                    })));
                  })
                  .catch(function (e) { done('axe failed: ' + e); });""", WCAG_21_AA);
        return String.valueOf(result);
    }

    private static synchronized String axeSource() throws IOException {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe-core/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return axeSource;
    }

    void save(String file) throws IOException {
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    // --- keyboard only: Tab, Shift+Tab, Enter, Space and arrow keys, sent to whatever has focus (no mouse events) ---

    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /**
     * Presses Tab until the focused element matches, at most {@code max} times, and checks on the way that every
     * focused element of the application shows where the focus is.
     */
    WebElement tabTo(String what, Predicate<WebElement> target, int max) {
        for (int i = 0; i < max; i++) {
            press(Keys.TAB);
            WebElement e = focused();
            if (driver.getCurrentUrl().startsWith(appBase)) {
                assertFocusVisible(e);
            }
            if (target.test(e)) {
                return e;
            }
        }
        throw new AssertionError(
                "with " + max + " presses on Tab the focus did not reach " + what + " on " + driver.getCurrentUrl());
    }

    void assertFocusVisible(WebElement e) {
        Boolean visible = (Boolean) js("""
                var e = arguments[0], s = getComputedStyle(e);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';""", e);
        assertTrue(
                visible,
                "no visible focus on " + e.getTagName() + " '" + e.getText() + "' at " + driver.getCurrentUrl());
    }

    static Predicate<WebElement> linkTo(String pathEnd) {
        return e -> "a".equals(e.getTagName())
                && e.getAttribute("href") != null
                && e.getAttribute("href").endsWith(pathEnd);
    }

    static Predicate<WebElement> buttonWith(String text) {
        return e -> "button".equals(e.getTagName()) && e.getText().contains(text);
    }

    static Predicate<WebElement> id(String id) {
        return e -> id.equals(e.getAttribute("id"));
    }

    /** Waits until a download with this name ending is complete, and returns it. */
    Path download(String suffix) throws InterruptedException, IOException {
        for (int i = 0; i < 150; i++) {
            try (var files = Files.list(downloads)) {
                var done = files.filter(p -> p.getFileName().toString().endsWith(suffix))
                        .findFirst();
                if (done.isPresent() && Files.size(done.get()) > 0) {
                    return done.get();
                }
            }
            Thread.sleep(100); // poll interval of a loop with a deadline
        }
        throw new AssertionError("no download ending in " + suffix + " in " + downloads);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
