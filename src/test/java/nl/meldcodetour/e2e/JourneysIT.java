/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.meldcodetour.content.ContentCatalog;
import nl.meldcodetour.content.ContentLoader;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.testsupport.LocalPostgres;
import nl.meldcodetour.testsupport.PackagedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The main journeys in a real browser (Debian chromium, headless) against the packaged application on PostgreSQL,
 * logging in through the login page of a real Keycloak with the realm of docker/keycloak. Every page on the way is
 * checked by {@link Browser#check}: axe-core WCAG 2.1 A/AA, 320 px wide, screenshots in target/e2e/screenshots.
 * The journeys build on each other: the beheerder registers the school and its staff, the medewerker (keyboard
 * only) completes the core module, the aandachtsfunctionaris sees that and exports the team, the gemeente looks at
 * the coverage, the redacteur at the item statistics of the core module's quiz. The last two hand in a quiz after the
 * login session's tokens expired (renewed without the learner noticing) and after the session at Keycloak ended (the
 * answers come back after logging in again); for them the realm's tokens live {@value #SHORT_TOKEN_SECONDS} s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneysIT {

    static final String PASSWORD = "E2e-wachtwoord-" + Long.toHexString(System.nanoTime());
    static final String SCHOOL = "Basisschool De Regenboog (e2e)";
    static final String MODULE = "meldcode-in-5-stappen";

    static LocalPostgres postgres;
    static KeycloakServer keycloak;
    static PackagedApp app;
    static ContentCatalog content;
    static long schoolId;

    @BeforeAll
    static void start() throws Exception {
        content = ContentLoader.load(Path.of("content"));
        postgres = new LocalPostgres();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE meldcodetour");
        }
        int appPort = KeycloakServer.freePort();
        keycloak = new KeycloakServer("http://localhost:" + appPort);
        app = new PackagedApp(
                appPort, postgres.jdbcUrl("meldcodetour"), keycloak.issuer(), KeycloakServer.CLIENT_SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Logs in through Keycloak's own login page (with the mouse: the keyboard journey does it with keys). */
    static void login(Browser b, String username) throws Exception {
        login(b, username, "/mijn-modules");
    }

    /** The same, for a role that lands on another page than "Mijn modules". */
    static void login(Browser b, String username, String landing) throws Exception {
        b.open("/");
        b.check("start");
        b.leavingPage(() -> b.driver.findElement(By.linkText("Inloggen")).click());
        assertTrue(
                b.driver.getCurrentUrl().startsWith(keycloak.issuer()),
                "the login page of Keycloak: " + b.driver.getCurrentUrl());
        b.save(username + "-keycloak-login.png");
        // Keycloak's login page is part of the journey too: the same WCAG 2.1 A/AA check (axe needs JavaScript)
        if (b.javascript) {
            assertEquals("[]", b.axe(), "axe-core on Keycloak's login page");
        }
        b.driver.findElement(By.id("username")).sendKeys(username);
        b.driver.findElement(By.id("password")).sendKeys(PASSWORD);
        b.leavingPage(() -> b.driver.findElement(By.id("kc-login")).click());
        assertEquals(landing, b.path(), "after logging in: " + b.text());
    }

    static void assertEnhanced(Browser b) {
        assertEquals(
                "true",
                b.js("return document.documentElement.dataset.enhanced"),
                "/js/app.js ran (allowed by the CSP)");
    }

    @Test
    @Order(1)
    void beheerderImportsOrganisationsAndStaffFromCsv() throws Exception {
        try (Browser b = new Browser("1-beheerder", app.base())) {
            login(b, "beheerder");
            assertEnhanced(b);
            b.check("mijn-modules");
            b.leavingPage(() -> b.driver.findElement(By.linkText("Register")).click());
            b.check("register");
            b.leavingPage(() -> b.driver
                    .findElement(By.linkText("Organisaties importeren uit CSV"))
                    .click());
            b.check("import-organisaties");
            // no file: a clear error, linked to the field
            b.leavingPage(() -> b.driver
                    .findElement(By.cssSelector("form.form button[type=submit]"))
                    .click());
            WebElement file = b.driver.findElement(By.id("bestand"));
            assertEquals("true", file.getAttribute("aria-invalid"));
            // enhanced: the error summary has the focus
            assertEquals("error-summary", b.focused().getAttribute("class"));
            String error = b.driver
                    .findElement(By.id(file.getAttribute("aria-describedby")))
                    .getText();
            assertTrue(error.length() > 5, "the error message belongs to the field: " + error);
            b.check("import-fout");

            Path csv = Files.writeString(
                    Path.of("target/e2e/organisaties.csv"),
                    "naam;sector;gemeente;medewerkers\n" + SCHOOL + ";onderwijs;Lelystad;25\n"
                            + "Kinderdagverblijf Zonnebloem (e2e);kinderopvang;Noordoostpolder;12\n",
                    StandardCharsets.UTF_8);
            b.driver.findElement(By.id("bestand")).sendKeys(csv.toAbsolutePath().toString());
            b.leavingPage(() -> b.driver
                    .findElement(By.cssSelector("form.form button[type=submit]"))
                    .click());
            b.save("1-beheerder-import-na-upload.png");
            assertTrue(b.text().contains(SCHOOL), b.driver.getPageSource());
            b.check("import-voorbeeld");
            b.leavingPage(() -> b.driver
                    .findElement(By.xpath("//button[normalize-space()='Importeren']"))
                    .click());
            b.check("import-klaar");

            // at 1280 px the register table fits, its Aandachtsfunctionaris column too (it was cut off at the narrow
            // page width)
            b.open("/register");
            assertEquals(
                    Boolean.TRUE,
                    b.js("var w = document.querySelector('.table-wrap'); return w.scrollWidth <= w.clientWidth"),
                    "the register table scrolls sideways at 1280 px: "
                            + b.js("var w = document.querySelector('.table-wrap');"
                                    + " return w.scrollWidth + ' > ' + w.clientWidth"));
            b.check("register-na-import");
            // the logboek: Dutch sentences, changes and views on tabs of their own
            b.open("/register/logboek");
            assertTrue(b.text().contains("Organisatie " + SCHOOL + " toegevoegd met een CSV-import door "), b.text());
            b.check("logboek");
            b.open("/privacy");
            b.check("privacyverklaring");

            // an organisation's facts at 320 px: a long label beside a long place name scrolled sideways
            b.open("/register?q=" + URLEncoder.encode("Zonnebloem", StandardCharsets.UTF_8));
            b.leavingPage(() -> b.driver
                    .findElement(By.partialLinkText("Kinderdagverblijf Zonnebloem"))
                    .click());
            b.check("organisatie-noordoostpolder");
            b.open("/register?q=" + URLEncoder.encode("De Regenboog", StandardCharsets.UTF_8));
            b.leavingPage(() -> b.driver.findElement(By.partialLinkText(SCHOOL)).click());
            schoolId = Long.parseLong(b.path().replaceAll("\\D", ""));
            b.check("organisatie");
            b.driver.findElement(By.id("af-naam")).sendKeys("Pieter Bakker");
            b.driver.findElement(By.id("af-email")).sendKeys("pieter.bakker@demo.meldcodetour.nl");
            b.leavingPage(() -> b.driver.findElement(By.id("af-naam")).submit());
            assertTrue(b.text().contains("pieter.bakker@demo.meldcodetour.nl"), b.text());
            b.check("aandachtsfunctionaris-toegevoegd");

            b.open("/import/medewerkers/" + schoolId);
            b.check("import-medewerkers");
            Path staff = Files.writeString(
                    Path.of("target/e2e/medewerkers.csv"),
                    "naam,e-mail,functie\nSanne de Vries,sanne.devries@demo.meldcodetour.nl,leerkracht\n"
                            + "Kees Jansen,kees.jansen@demo.meldcodetour.nl,intern-begeleider\n",
                    StandardCharsets.UTF_8);
            b.driver
                    .findElement(By.id("bestand"))
                    .sendKeys(staff.toAbsolutePath().toString());
            b.leavingPage(() -> b.driver
                    .findElement(By.cssSelector("form.form button[type=submit]"))
                    .click());
            assertTrue(b.text().contains("Sanne de Vries"), b.text());
            b.check("import-medewerkers-voorbeeld");
            b.leavingPage(() -> b.driver
                    .findElement(By.xpath("//button[normalize-space()='Importeren']"))
                    .click());
            assertTrue(b.text().contains("Import klaar") && b.text().contains("Nieuw: 2"), b.text());
            b.check("import-medewerkers-klaar");
            // Back and reload land on pages of the import (GET), never on the answer of the upload's POST
            b.driver.navigate().back();
            b.waitForLoad();
            assertTrue(
                    !b.text().contains("ERR_CACHE_MISS")
                            && (b.text().contains("Voorbeeld") || b.text().contains("Import klaar")),
                    b.text());
            b.driver.navigate().refresh();
            b.waitForLoad();
            assertTrue(
                    b.text().contains("Import klaar")
                            && b.text().contains("Nieuw: 2")
                            && !b.text().contains("ERR_CACHE_MISS"),
                    b.text());

            // the public registers: a DUO file as published (Windows-1252, ';'), its difference, then confirmed
            b.open("/register");
            b.leavingPage(() -> b.driver
                    .findElement(By.linkText("Bijwerken uit LRK of DUO"))
                    .click());
            b.check("import-registers");
            b.driver.findElement(By.id("register-duo-po")).click();
            b.driver
                    .findElement(By.id("bestand"))
                    .sendKeys(Path.of("src/test/resources/registers/duo-po-1.csv")
                            .toAbsolutePath()
                            .toString());
            b.leavingPage(() -> b.driver
                    .findElement(By.cssSelector("form.form button[type=submit]"))
                    .click());
            assertTrue(b.text().contains("Voorbeeld: DUO: vestigingen basisonderwijs (po)"), b.text());
            b.check("import-registers-voorbeeld");
            b.leavingPage(() -> b.driver
                    .findElement(By.xpath("//button[normalize-space()='Register bijwerken']"))
                    .click());
            assertTrue(b.text().contains("Register bijgewerkt"), b.text());
            b.check("import-registers-klaar");
        }
    }

    @Test
    @Order(2)
    void medewerkerCompletesModuleAndQuizWithTheKeyboardOnly() throws Exception {
        Module module = content.module(MODULE).orElseThrow();
        try (Browser b = new Browser("2-medewerker", app.base())) {
            b.open("/");
            b.check("start");
            WebElement login = b.tabTo("Inloggen", Browser.linkTo("/inloggen"), 20);
            b.leavingPage(() -> login.sendKeys(Keys.ENTER));
            // Keycloak's login form: the user name field has the focus
            b.press("medewerker");
            b.tabTo("the password field", Browser.id("password"), 5);
            b.press(PASSWORD);
            b.leavingPage(() -> b.press(Keys.ENTER));
            assertEquals("/mijn-modules", b.path());
            b.check("mijn-modules");

            WebElement moduleLink = b.tabTo("the module", Browser.linkTo("/modules/" + MODULE), 40);
            b.leavingPage(() -> b.press(Keys.ENTER));
            b.check("module");
            b.tabTo("Begin met lezen", Browser.linkTo("/modules/" + MODULE + "/pagina/1"), 60);
            b.leavingPage(() -> b.press(Keys.ENTER));
            for (int page = 1; page <= module.pageCount(); page++) {
                assertTrue(b.path().endsWith("/pagina/" + page), b.path());
                b.check("pagina-" + page);
                b.tabTo(
                        "the next page",
                        e -> "a".equals(e.getTagName())
                                && e.getAttribute("class") != null
                                && e.getAttribute("class").contains("pager__next"),
                        200);
                b.leavingPage(() -> b.press(Keys.ENTER));
            }
            assertTrue(b.path().endsWith("/modules/" + MODULE), b.path());
            b.tabTo("Start de toets", Browser.buttonWith("Start de toets"), 60);
            b.leavingPage(() -> b.press(Keys.ENTER));
            b.check("toets");
            // handing in with open questions: the form comes back by a redirect (post/redirect/get, issue #30 point 5)
            b.leavingPage(() -> b.driver
                    .findElement(By.cssSelector("button[value=inleveren]"))
                    .click());
            assertTrue(b.driver.getCurrentUrl().contains("controle=1"), b.driver.getCurrentUrl());
            assertTrue(b.text().contains("Nog niet alle vragen zijn goed ingevuld"), b.text());
            b.check("toets-onvolledig");

            // answer every question right, with Tab, arrow keys and Space only
            while (true) {
                b.press(Keys.TAB);
                WebElement e = b.focused();
                b.assertFocusVisible(e);
                if ("button".equals(e.getTagName()) && e.getText().contains("Lever de toets in")) {
                    break;
                }
                if (!"input".equals(e.getTagName())
                        || e.getAttribute("name") == null
                        || !e.getAttribute("name").startsWith("q.")) {
                    continue;
                }
                // the options are shown in a random order with their own letters: the right ones are found by their
                // text
                Question question =
                        module.question(e.getAttribute("name").substring(2)).orElseThrow();
                Set<String> correctTexts = question.options().stream()
                        .filter(o -> question.correct().contains(o.id()))
                        .map(Question.Option::text)
                        .collect(Collectors.toSet());
                Predicate<WebElement> isRight =
                        input -> correctTexts.contains(input.findElement(By.xpath("following-sibling::label"))
                                .getText()
                                .strip());
                if ("radio".equals(e.getAttribute("type"))) {
                    for (int i = 0; i < 10 && !isRight.test(b.focused()); i++) {
                        b.press(Keys.ARROW_DOWN); // moves to and selects the next option of the group
                    }
                    if (!b.focused().isSelected()) {
                        b.press(Keys.SPACE);
                    }
                } else if (isRight.test(e) != e.isSelected()) {
                    b.press(Keys.SPACE);
                }
            }
            b.save("2-medewerker-toets-ingevuld.png");
            b.leavingPage(() -> b.press(Keys.ENTER));
            assertTrue(b.text().contains("Gehaald"), b.text());
            b.check("uitslag");
            // Back from the result never lands on a POST answer ("Confirm Form Resubmission", ERR_CACHE_MISS): the quiz
            // address it reaches leads to the result again
            b.driver.navigate().back();
            b.waitForLoad();
            for (int i = 0; i < 50 && !b.text().contains("Uitslag"); i++) {
                Thread.sleep(100); // a quiz page restored from the back/forward cache reloads itself (app.js)
            }
            assertTrue(
                    b.text().contains("Uitslag")
                            && b.text().contains("Gehaald")
                            && !b.text().contains("ERR_CACHE_MISS"),
                    b.text());
            b.tabTo("Alle pogingen", Browser.linkTo("/modules/" + MODULE + "/pogingen"), 200);
            b.leavingPage(() -> b.press(Keys.ENTER));
            assertTrue(b.text().contains("Gehaald"), b.text());
            b.check("pogingen"); // the history table stacks at 320 px

            b.tabTo("Mijn modules", Browser.linkTo("/mijn-modules"), 60);
            b.leavingPage(() -> b.press(Keys.ENTER));
            assertTrue(b.text().contains("Behaald"), b.text());
            b.tabTo("Mijn certificaten", Browser.linkTo("/certificaten"), 60);
            b.leavingPage(() -> b.press(Keys.ENTER));
            b.check("certificaten");
            b.tabTo(
                    "the certificate",
                    e -> "a".equals(e.getTagName()) && e.getAttribute("href").endsWith(".pdf"),
                    60);
            b.press(Keys.ENTER);
            Path pdf = b.download(".pdf");
            byte[] bytes = Files.readAllBytes(pdf);
            assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII), "a PDF certificate: " + pdf);
        }
    }

    @Test
    @Order(3)
    void aandachtsfunctionarisOpensTheTeamAndExportsIt() throws Exception {
        try (Browser b = new Browser("3-aandachtsfunctionaris", app.base())) {
            login(b, "aandachtsfunctionaris");
            b.leavingPage(() -> b.driver.findElement(By.linkText("Mijn team")).click());
            assertTrue(b.path().equals("/team/" + schoolId), b.path());
            String team = b.text();
            assertTrue(team.contains("Sanne de Vries") && team.contains("Kees Jansen"), team);
            assertTrue(
                    b.driver
                            .findElement(By.xpath("//tr[contains(., 'Sanne de Vries')]"))
                            .getText()
                            .contains("Behaald"),
                    team);
            b.check("team");
            b.driver.findElement(By.linkText("Download als CSV (Excel)")).click();
            String csv = Files.readString(b.download(".csv"), StandardCharsets.UTF_8);
            assertTrue(csv.contains("Sanne de Vries") && csv.contains("Kees Jansen"), csv);
        }
    }

    @Test
    @Order(4)
    void gemeenteOpensTheDashboardAlsoWithoutJavaScript() throws Exception {
        for (boolean javascript : new boolean[] {true, false}) {
            try (Browser b =
                    new Browser(javascript ? "4-gemeente" : "5-gemeente-zonder-javascript", app.base(), javascript)) {
                login(b, "gemeente");
                assertEquals(javascript ? "true" : null, b.js("return document.documentElement.dataset.enhanced"));
                b.leavingPage(() -> b.driver.findElement(By.linkText("Dekking")).click());
                assertTrue(b.text().contains("Dekking meldcode"), b.text());
                b.check("dekking");
                assertTrue(b.text().contains("Per sector"), b.text());
                // point 10: at 320 px the chart keeps a readable size and scrolls in its own region
                b.driver.manage().window().setSize(new Dimension(320, 1000));
                Number chart = (Number)
                        b.js("return document.querySelector('.chart-scroll svg').getBoundingClientRect().width");
                b.driver.manage().window().setSize(new Dimension(1280, 1000));
                assertTrue(
                        chart.doubleValue() >= 500,
                        "the sector chart at 320 px is " + chart + " px wide: its labels would be unreadable");
                // a filter is a plain form: choose the sector and send it
                new Select(b.driver.findElement(By.id("f-sector"))).selectByValue("onderwijs");
                b.leavingPage(() -> b.driver.findElement(By.id("f-sector")).submit());
                assertTrue(b.driver.getCurrentUrl().contains("sector=onderwijs"), b.driver.getCurrentUrl());
                b.check("dekking-onderwijs");
            }
        }
    }

    @Test
    @Order(5)
    void redacteurReadsTheItemStatistics() throws Exception {
        Module module = content.module(MODULE).orElseThrow();
        insertAttempts(module, 24);
        try (Browser b = new Browser("6-redacteur", app.base())) {
            login(b, "redacteur", "/toetsanalyse");
            b.check("toetsanalyse");
            b.leavingPage(
                    () -> b.driver.findElement(By.linkText(module.title())).click());
            assertTrue(b.text().contains("Toetsanalyse: " + module.title()), b.text());
            String row = b.driver
                    .findElement(By.xpath(
                            "//tr[contains(., '" + module.questions().get(0).id() + "')]"))
                    .getText();
            assertTrue(
                    row.contains("%") && !row.contains("Te weinig pogingen"), "figures for the first question: " + row);
            b.check("toetsanalyse-module");
            // the view is a plain form
            new Select(b.driver.findElement(By.id("f-weergave"))).selectByValue("eerste");
            b.leavingPage(() -> b.driver.findElement(By.id("f-weergave")).submit());
            assertTrue(b.driver.getCurrentUrl().contains("weergave=eerste"), b.driver.getCurrentUrl());
            b.leavingPage(() -> b.driver
                    .findElement(By.partialLinkText(module.questions().get(0).text()))
                    .click());
            assertTrue(b.text().contains("Vraag 1") && b.text().contains("Antwoorden"), b.text());
            b.check("toetsanalyse-vraag");
            b.leavingPage(() -> b.driver
                    .findElement(By.partialLinkText("Terug naar alle vragen"))
                    .click());
            b.driver.findElement(By.linkText("Download als CSV (Excel)")).click();
            String csv = Files.readString(b.download(".csv"), StandardCharsets.UTF_8);
            assertTrue(
                    csv.startsWith("\uFEFFNr;Vraag-id;Vraag;")
                            && csv.contains(module.questions().get(0).id()),
                    csv);
        }
    }

    /** The realm's access token lifespan in the journeys of an ended login: seconds, so that they wait seconds, not 5 minutes. */
    static final int SHORT_TOKEN_SECONDS = 12;

    @Test
    @Order(6)
    void aQuizHandedInAfterTheTokenExpiredIsAccepted() throws Exception {
        // issue #28, point 5: a quiz handed in after the access token expired went to Keycloak and came back as a GET
        Module module = content.module(MODULE).orElseThrow();
        keycloak.accessTokenLifespan(SHORT_TOKEN_SECONDS);
        try (Browser b = new Browser("7-toets-na-verlopen-token", app.base())) {
            login(b, "gemeente");
            String attempt = startQuiz(b);
            answerRight(b, module);
            // the page saved the answers as a draft by itself (progressive enhancement)
            new WebDriverWait(b.driver, Duration.ofSeconds(20))
                    .until(d -> d.findElement(By.cssSelector(".autosave"))
                            .getText()
                            .startsWith("Je antwoorden zijn automatisch bewaard"));
            assertTrue(draftAnswers(attempt) > 0, "the autosave stored the draft");
            b.check("toets-automatisch-bewaard");
            long tokensIssued = keycloak.lastSessionAccess("gemeente");
            Thread.sleep((SHORT_TOKEN_SECONDS + 3) * 1000L); // the session's tokens have expired now
            b.leavingPage(() -> b.driver
                    .findElement(By.xpath("//button[normalize-space()='Lever de toets in']"))
                    .click());
            assertEquals("/toets/" + attempt + "/resultaat", b.path(), "handed in, not sent to log in: " + b.text());
            assertTrue(b.text().contains("Gehaald"), b.text());
            assertTrue(
                    keycloak.lastSessionAccess("gemeente") > tokensIssued,
                    "the application renewed the tokens at Keycloak");
            assertEquals(100, submittedPercentage(attempt), "every answer arrived");
        } finally {
            keycloak.accessTokenLifespan(300);
        }
    }

    @Test
    @Order(7)
    void aQuizHandedInAfterTheLoginEndedComesBackWithItsAnswers() throws Exception {
        // when the tokens can't be renewed (the session at Keycloak ended) the learner logs in again and loses nothing;
        // without JavaScript, so that no autosave helps: the application keeps the form across the login
        Module module = content.module(MODULE).orElseThrow();
        keycloak.accessTokenLifespan(SHORT_TOKEN_SECONDS);
        try (Browser b = new Browser("8-toets-na-einde-sessie", app.base(), false)) {
            login(b, "beheerder");
            String attempt = startQuiz(b);
            List<String> chosen = answerRight(b, module);
            assertEquals(0, draftAnswers(attempt), "nothing saved yet");
            keycloak.logout("beheerder");
            Thread.sleep((SHORT_TOKEN_SECONDS + 3) * 1000L); // deliberate: Keycloak's real tokens must expire
            b.leavingPage(() -> b.driver
                    .findElement(By.xpath("//button[normalize-space()='Lever de toets in']"))
                    .click());
            assertTrue(
                    b.driver.getCurrentUrl().startsWith(keycloak.issuer()),
                    "log in again: " + b.driver.getCurrentUrl());
            b.driver.findElement(By.id("username")).sendKeys("beheerder");
            b.driver.findElement(By.id("password")).sendKeys(PASSWORD);
            b.leavingPage(() -> b.driver.findElement(By.id("kc-login")).click());
            assertEquals("/toets/" + attempt, b.path(), "back at the quiz: " + b.text());
            assertTrue(
                    b.text()
                            .contains(
                                    "Je was te lang niet actief. Je antwoorden zijn bewaard; controleer ze en lever opnieuw in."),
                    b.text());
            assertEquals(
                    chosen,
                    b.driver.findElements(By.cssSelector("input[name^='q.']:checked")).stream()
                            .map(e -> e.getAttribute("id"))
                            .toList(),
                    "the answers are ticked as they were");
            b.check("toets-bewaard-na-inloggen");
            b.leavingPage(() -> b.driver
                    .findElement(By.xpath("//button[normalize-space()='Lever de toets in']"))
                    .click());
            assertEquals("/toets/" + attempt + "/resultaat", b.path(), b.text());
            assertTrue(b.text().contains("Gehaald"), b.text());
            assertEquals(100, submittedPercentage(attempt));
        } finally {
            keycloak.accessTokenLifespan(300);
        }
    }

    /** Starts the module's quiz from its start page; returns the attempt id. */
    static String startQuiz(Browser b) {
        b.open("/modules/" + MODULE + "/toets");
        b.leavingPage(() -> b.driver
                .findElement(By.xpath("//button[contains(., 'Start de toets')]"))
                .click());
        assertTrue(b.path().matches("/toets/[0-9a-f-]{36}"), b.path() + ": " + b.text());
        return b.path().substring("/toets/".length());
    }

    /** Ticks the right options (found by their text: the order and letters are the attempt's own); returns their ids. */
    static List<String> answerRight(Browser b, Module module) {
        List<String> chosen = new ArrayList<>();
        for (WebElement input : b.driver.findElements(By.cssSelector("input[name^='q.']"))) {
            Question question =
                    module.question(input.getAttribute("name").substring(2)).orElseThrow();
            String text = input.findElement(By.xpath("following-sibling::label"))
                    .getText()
                    .strip();
            boolean right = question.options().stream()
                    .anyMatch(o -> o.text().equals(text) && question.correct().contains(o.id()));
            if (right != input.isSelected()) {
                input.click();
            }
            if (right) {
                chosen.add(input.getAttribute("id"));
            }
        }
        return chosen;
    }

    static int draftAnswers(String attempt) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("meldcodetour"), "postgres", "");
                var s = c.prepareStatement(
                        "SELECT count(*) FROM attempt_question WHERE attempt_id = ? AND chosen_options IS NOT NULL")) {
            s.setObject(1, UUID.fromString(attempt));
            try (var r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    static int submittedPercentage(String attempt) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("meldcodetour"), "postgres", "");
                var s = c.prepareStatement(
                        "SELECT percentage FROM quiz_attempt WHERE id = ? AND submitted_at IS NOT NULL")) {
            s.setObject(1, UUID.fromString(attempt));
            try (var r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : -1;
            }
        }
    }

    /**
     * Submitted attempts of invented learners at the module, straight into the database, so that the item statistics
     * have figures (from 20 attempts): the bank's first two questions, the first right for half of them, the second
     * for everyone.
     */
    @Test
    @Order(8)
    void trainerLandsOnTheSessionsAndPlansOneThroughTheForm() throws Exception {
        try (Browser b = new Browser("8-trainer", app.base())) {
            // issue #30 point 1: the realm's trainer is also a medewerker, so it lands on its modules and the menu
            // offers
            // the bijeenkomsten it gives (a trainer only lands on /bijeenkomsten: LandingAndMenuTest)
            login(b, "trainer");
            b.leavingPage(
                    () -> b.driver.findElement(By.linkText("Bijeenkomsten")).click());
            b.check("bijeenkomsten");
            b.leavingPage(() ->
                    b.driver.findElement(By.linkText("Bijeenkomst plannen")).click());
            b.check("plannen");
            // point 10: real date and time inputs, and checkboxes large enough to hit
            assertEquals(
                    "datetime-local",
                    b.driver.findElement(By.id("veld-startsAt")).getAttribute("type"));
            Number box =
                    (Number) b.js("return document.getElementById('sector-onderwijs').getBoundingClientRect().width");
            assertTrue(box.doubleValue() >= 20, "checkbox of " + box + " px");
            // point 5 and 10: an empty form comes back by a redirect, with a summary that names every field
            b.leavingPage(() -> b.driver
                    .findElement(By.xpath("//button[normalize-space()='Plannen']"))
                    .click());
            assertEquals("/bijeenkomsten/nieuw", b.path());
            String summary = b.driver.findElement(By.className("error-summary")).getText();
            assertTrue(
                    summary.contains("Titel: Dit veld is verplicht.")
                            && summary.contains("Trainer: Dit veld is verplicht.")
                            && summary.indexOf("Titel:") < summary.indexOf("Begin:"),
                    summary);
            b.check("plannen-fouten");
            String title = "Meldcodetour Lelystad " + System.nanoTime() % 10000;
            b.driver.findElement(By.id("veld-title")).sendKeys(title);
            String start = LocalDateTime.now(ClockProducer.ZONE)
                    .plusDays(10)
                    .withHour(14)
                    .withMinute(0)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
            String end = start.substring(0, 11) + "16:00";
            b.js(
                    "document.getElementById('veld-startsAt').value = arguments[0]; document.getElementById('veld-endsAt').value = arguments[1];",
                    start,
                    end);
            b.driver.findElement(By.id("veld-place")).sendKeys("Stadhuis Lelystad");
            b.driver.findElement(By.id("veld-trainer")).sendKeys("Trainer T");
            b.driver.findElement(By.id("sector-onderwijs")).click();
            b.driver.findElement(By.id("module-meldcode-in-5-stappen")).click();
            b.leavingPage(() -> b.driver
                    .findElement(By.xpath("//button[normalize-space()='Plannen']"))
                    .click());
            assertTrue(b.text().contains(title), b.text());
            b.check("gepland");
            // Back goes to the form page (a GET), never to the answer of a POST
            b.driver.navigate().back();
            b.waitForLoad();
            assertTrue(b.text().contains("Bijeenkomst plannen") && !b.text().contains("ERR_CACHE_MISS"), b.text());
        }
    }

    static void insertAttempts(Module module, int learners) throws Exception {
        var q1 = module.questions().get(0);
        var q2 = module.questions().get(1);
        String wrong = q1.options().stream()
                .map(o -> o.id())
                .filter(id -> !q1.correct().contains(id))
                .findFirst()
                .orElseThrow();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("meldcodetour"), "postgres", "")) {
            for (int i = 1; i <= learners; i++) {
                long person;
                try (var s =
                        c.prepareStatement("INSERT INTO person (subject, display_name) VALUES (?, ?) RETURNING id")) {
                    s.setString(1, "e2e-leerling-" + i);
                    s.setString(2, "Leerling " + i);
                    try (var r = s.executeQuery()) {
                        r.next();
                        person = r.getLong(1);
                    }
                }
                boolean right = i <= learners / 2;
                UUID attempt = UUID.randomUUID();
                try (var s = c.prepareStatement("""
                        INSERT INTO quiz_attempt (id, person_id, module_id, content_version, pass_mark, question_count, started_at,
                                                  submitted_at, right_count, percentage, passed)
                        VALUES (?, ?, ?, ?, ?, 2, now() - interval '2 days', now() - interval '2 days' + interval '9 minutes', ?, ?, ?)""")) {
                    s.setObject(1, attempt);
                    s.setLong(2, person);
                    s.setString(3, module.id());
                    s.setString(4, content.version());
                    s.setInt(5, module.passMark());
                    s.setInt(6, right ? 2 : 1);
                    s.setInt(7, right ? 100 : 50);
                    s.setBoolean(8, right ? 100 >= module.passMark() : 50 >= module.passMark());
                    s.executeUpdate();
                }
                try (var s = c.prepareStatement("""
                        INSERT INTO attempt_question (attempt_id, position, question_id, correct_options, chosen_options)
                        VALUES (?, 1, ?, ?, ?), (?, 2, ?, ?, ?)""")) {
                    s.setObject(1, attempt);
                    s.setString(2, q1.id());
                    s.setArray(3, c.createArrayOf("varchar", q1.correct().toArray()));
                    s.setArray(
                            4, c.createArrayOf("varchar", right ? q1.correct().toArray() : new Object[] {wrong}));
                    s.setObject(5, attempt);
                    s.setString(6, q2.id());
                    s.setArray(7, c.createArrayOf("varchar", q2.correct().toArray()));
                    s.setArray(8, c.createArrayOf("varchar", q2.correct().toArray()));
                    s.executeUpdate();
                }
            }
        }
    }
}
