/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.core.web.Formats;
import nl.meldcodetour.imports.ImportPagesTest;
import nl.meldcodetour.team.TeamService;
import nl.meldcodetour.testsupport.AtOnce;
import nl.meldcodetour.testsupport.Csrf;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Issue #30, point 2: a form or API call that creates something, sent twice (a double click, Back and submit again,
 * two tabs, a retry), does one thing. Per form: twice in a row and several at the same moment, on the page and the
 * API; the second answer says clearly what happened.
 */
@QuarkusTest
class RepeatedSubmitTest {

    @Inject
    EntityManager em;

    @Inject
    OrganisationService registry;

    @Inject
    TeamService teams;

    final Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");
    final Tokens.TestUser af = Tokens.newUser(null, "aandachtsfunctionaris");
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final LocalDate today = LocalDate.now(ClockProducer.ZONE);

    long org(String name) {
        return beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", name + " " + tag, "sector", "onderwijs", "gemeente", "Urk"))
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    long orgWithAf(String name) {
        long org = org(name);
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "AF", "email", af.subject() + "@example.org"))
                .post("/api/organisations/" + org + "/aandachtsfunctionarissen")
                .then()
                .statusCode(201);
        return org;
    }

    long count(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    // ------------------------------------------------------------------ herinnering sturen

    @Test
    void aSecondReminderTheSameDayQueuesNothingAndSaysWhenTheFirstWasAsked() throws Exception {
        long org = orgWithAf("Herinneringschool");
        long bram = af.given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Bram", "email", "bram." + tag + "@example.org", "functionId", "leerkracht"))
                .post("/api/organisations/" + org + "/staff")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Map<String, Object> body = Map.of("employmentId", bram, "moduleId", "onderwijs");
        String requestedAt = af.given()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/organisations/" + org + "/reminders")
                .then()
                .statusCode(202)
                .body("alreadyRequested", equalTo(false))
                .body("message", containsString("staat klaar"))
                .extract()
                .jsonPath()
                .getString("requestedAt");
        String time = DateTimeFormatter.ofPattern("HH:mm")
                .withZone(ClockProducer.ZONE)
                .format(Instant.parse(requestedAt));
        // the second click: 200, nothing queued, and when the first was asked
        af.given()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/organisations/" + org + "/reminders")
                .then()
                .statusCode(200)
                .body("alreadyRequested", equalTo(true))
                .body("requestedAt", equalTo(requestedAt))
                .body(
                        "message",
                        equalTo("Er is vandaag om " + time
                                + " al een herinnering aan Bram over ‘De meldcode in het onderwijs’ "
                                + "aangevraagd; die wordt binnen enkele minuten verstuurd. Er gaat geen tweede."));
        // the beheerder asking too changes nothing: one per colleague, module and day, whoever asks
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/organisations/" + org + "/reminders")
                .then()
                .statusCode(200)
                .body("alreadyRequested", equalTo(true));
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM reminder_request WHERE employment_id = ?1 AND module_id = 'onderwijs'",
                        bram));
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM audit_log WHERE action = 'REMIND' AND object_id = ?1",
                        String.valueOf(bram)));

        // six clicks at the same moment on another module: one request
        Map<String, Object> core = Map.of("employmentId", bram, "moduleId", "meldcode-in-5-stappen");
        assertEquals(
                AtOnce.oneThen(202, 200, 6),
                AtOnce.statuses(
                        6,
                        () -> af.given()
                                .contentType(ContentType.JSON)
                                .body(core)
                                .post("/api/organisations/" + org + "/reminders")));
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM reminder_request WHERE employment_id = ?1 AND module_id = 'meldcode-in-5-stappen'",
                        bram));

        // yesterday's request does not stop today's
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                UPDATE reminder_request SET requested_at = requested_at - interval '1 day', sent_at = now()
                WHERE employment_id = ?1""").setParameter(1, bram).executeUpdate());
        af.given()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/organisations/" + org + "/reminders")
                .then()
                .statusCode(202);
        assertEquals(
                2,
                count(
                        "SELECT count(*) FROM reminder_request WHERE employment_id = ?1 AND module_id = 'onderwijs'",
                        bram));
    }

    @Test
    @TestSecurity(user = "repeat-pages-af", roles = "aandachtsfunctionaris")
    @OidcSecurity(
            claims = {
                @Claim(key = "email", value = "repeat-pages-af@example.org"),
                @Claim(key = "email_verified", value = "true")
            })
    void theReminderButtonClickedTwiceSaysItWasAlreadyAskedToday() {
        long[] ids = QuarkusTransaction.requiringNew().call(() -> {
            long id = registry.create(
                            new OrganisationService.OrganisationInput(
                                    "Knopschool " + tag, null, null, "onderwijs", "Urk", null, null, null, null, null),
                            "test")
                    .id;
            registry.addAandachtsfunctionaris(
                    id,
                    new OrganisationService.AfInput("AF", "repeat-pages-af@example.org", null, today.minusDays(1)),
                    "test");
            long job = teams.addStaff(
                            id,
                            new TeamService.StaffInput("Cor Klik", "cor." + tag + "@example.org", "leerkracht", null),
                            "test")
                    .id;
            return new long[] {id, job};
        });
        // both answers are a redirect to the team page, which says what happened (post/redirect/get)
        String first = Csrf.followRefused(
                given(),
                given().filter(Csrf.FORM)
                        .contentType(ContentType.URLENC)
                        .formParam("employmentId", ids[1])
                        .formParam("moduleId", "onderwijs")
                        .redirects()
                        .follow(false)
                        .post("/team/" + ids[0] + "/herinnering"));
        assertTrue(
                first.contains("De herinnering aan Cor Klik over ‘De meldcode in het onderwijs’ staat klaar"), first);
        String second = Csrf.followRefused(
                given(),
                given().filter(Csrf.FORM)
                        .contentType(ContentType.URLENC)
                        .formParam("employmentId", ids[1])
                        .formParam("moduleId", "onderwijs")
                        .redirects()
                        .follow(false)
                        .post("/team/" + ids[0] + "/herinnering"));
        assertFalse(second.contains("staat klaar"), second);
        assertTrue(
                Pattern.compile(
                                "Er is vandaag om \\d\\d:\\d\\d al een herinnering aan Cor Klik over ‘De meldcode in het onderwijs’ "
                                        + "aangevraagd; die wordt binnen enkele minuten verstuurd\\. Er gaat geen tweede\\.")
                        .matcher(second)
                        .find(),
                second);
        assertEquals(1, count("SELECT count(*) FROM reminder_request WHERE employment_id = ?1", ids[1]));
    }

    // ------------------------------------------------------------------ aandachtsfunctionaris

    @Test
    void theSameAandachtsfunctionarisTwiceIsRefusedWithAClearMessage() throws Exception {
        long org = org("Dubbel-AF-school");
        String path = "/api/organisations/" + org + "/aandachtsfunctionarissen";
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Fatima", "email", "fatima." + tag + "@example.org", "startDate", "2026-01-05"))
                .post(path)
                .then()
                .statusCode(201);
        // the same address (in other capitals), the same period: refused, and the message says who and since when
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Fatima", "email", "Fatima." + tag + "@Example.org"))
                .post(path)
                .then()
                .statusCode(409)
                .body(
                        "title",
                        equalTo("Fatima (fatima." + tag
                                + "@example.org) is al aandachtsfunctionaris van deze organisatie, "
                                + "vanaf 5 januari 2026. Er is niemand dubbel toegevoegd."));
        assertEquals(1, count("SELECT count(*) FROM aandachtsfunctionaris WHERE organisation_id = ?1", org));

        // five at the same moment: one row
        Map<String, Object> kees = Map.of("name", "Kees", "email", "kees." + tag + "@example.org");
        assertEquals(
                AtOnce.oneThen(201, 409, 5),
                AtOnce.statuses(
                        5,
                        () -> beheerder
                                .given()
                                .contentType(ContentType.JSON)
                                .body(kees)
                                .post(path)));
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM aandachtsfunctionaris WHERE organisation_id = ?1 AND email = ?2",
                        org,
                        "kees." + tag + "@example.org"));

        // after the period ended: a new period may start the day after, not on a day that overlaps
        long fatima = ((Number) em.createNativeQuery(
                                "SELECT id FROM aandachtsfunctionaris WHERE organisation_id = ?1 AND name = 'Fatima'")
                        .setParameter(1, org)
                        .getSingleResult())
                .longValue();
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("endDate", "2026-06-30"))
                .post(path + "/" + fatima + "/end")
                .then()
                .statusCode(200);
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Fatima", "email", "fatima." + tag + "@example.org", "startDate", "2026-06-30"))
                .post(path)
                .then()
                .statusCode(409)
                .body("title", containsString("van 5 januari 2026 tot en met 30 juni 2026"))
                .body("title", containsString("Een nieuwe periode kan beginnen na 30 juni 2026."));
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Fatima", "email", "fatima." + tag + "@example.org", "startDate", "2026-07-01"))
                .post(path)
                .then()
                .statusCode(201);
        // the same person at another organisation is fine
        long other = org("Andere AF-school");
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Kees", "email", "kees." + tag + "@example.org"))
                .post("/api/organisations/" + other + "/aandachtsfunctionarissen")
                .then()
                .statusCode(201);
    }

    @Test
    @TestSecurity(user = "repeat-pages-beheerder", roles = "beheerder")
    void theAandachtsfunctionarisFormSentTwiceShowsTheRefusal() {
        long org = QuarkusTransaction.requiringNew()
                .call(() -> registry.create(
                                new OrganisationService.OrganisationInput(
                                        "AF-formulierschool " + tag,
                                        null,
                                        null,
                                        "onderwijs",
                                        "Urk",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null),
                                "test")
                        .id);
        for (int i = 0; i < 2; i++) {
            var response = given().filter(Csrf.FORM)
                    .contentType(ContentType.URLENC)
                    .formParam("name", "Els Tweemaal")
                    .formParam("email", "els." + tag + "@example.org")
                    .formParam("startDate", "")
                    .redirects()
                    .follow(false)
                    .post("/register/" + org + "/aandachtsfunctionarissen");
            if (i == 0) {
                response.then().statusCode(303);
            } else {
                String page = Csrf.followRefused(given(), response);
                assertTrue(
                        page.contains("Els Tweemaal (els." + tag
                                        + "@example.org) is al aandachtsfunctionaris van deze organisatie, vanaf ")
                                && page.contains("Er is niemand dubbel toegevoegd."),
                        page);
            }
        }
        assertEquals(1, count("SELECT count(*) FROM aandachtsfunctionaris WHERE organisation_id = ?1", org));
    }

    // ------------------------------------------------------------------ staff

    @Test
    void aColleagueAddedTwiceAtOnceIsAddedOnce() throws Exception {
        long org = orgWithAf("Collegaschool");
        Map<String, Object> anna =
                Map.of("name", "Anna", "email", "anna." + tag + "@example.org", "functionId", "leerkracht");
        assertEquals(
                AtOnce.oneThen(201, 409, 5),
                AtOnce.statuses(
                        5,
                        () -> af.given()
                                .contentType(ContentType.JSON)
                                .body(anna)
                                .post("/api/organisations/" + org + "/staff")));
        af.given()
                .contentType(ContentType.JSON)
                .body(anna)
                .post("/api/organisations/" + org + "/staff")
                .then()
                .statusCode(409)
                .body(
                        "title",
                        equalTo("Anna (anna." + tag + "@example.org) staat al op de lijst van deze organisatie, sinds "
                                + Formats.dutch(today) + ". Er is niemand dubbel toegevoegd."));
        assertEquals(1, count("SELECT count(*) FROM employment WHERE organisation_id = ?1", org));
    }

    @Test
    @TestSecurity(user = "repeat-pages-af-2", roles = "aandachtsfunctionaris")
    @OidcSecurity(
            claims = {
                @Claim(key = "email", value = "repeat-pages-af-2@example.org"),
                @Claim(key = "email_verified", value = "true")
            })
    void theColleagueFormSentTwiceSaysTheColleagueIsAlreadyOnTheList() {
        long org = QuarkusTransaction.requiringNew().call(() -> {
            long id = registry.create(
                            new OrganisationService.OrganisationInput(
                                    "Collegaformulier " + tag,
                                    null,
                                    null,
                                    "onderwijs",
                                    "Urk",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null),
                            "test")
                    .id;
            registry.addAandachtsfunctionaris(
                    id,
                    new OrganisationService.AfInput("AF", "repeat-pages-af-2@example.org", null, today.minusDays(1)),
                    "test");
            return id;
        });
        for (int i = 0; i < 2; i++) {
            var response = given().filter(Csrf.FORM)
                    .contentType(ContentType.URLENC)
                    .formParam("name", "Dirk Dubbel")
                    .formParam("email", "dirk." + tag + "@example.org")
                    .formParam("functionId", "leerkracht")
                    .redirects()
                    .follow(false)
                    .post("/team/" + org + "/collegas");
            if (i == 0) {
                response.then().statusCode(303);
            } else {
                String page = Csrf.followRefused(given(), response);
                assertTrue(
                        page.contains(
                                "Dirk Dubbel (dirk." + tag + "@example.org) staat al op de lijst van deze organisatie"),
                        page);
            }
        }
        assertEquals(1, count("SELECT count(*) FROM employment WHERE organisation_id = ?1", org));
    }

    // ------------------------------------------------------------------ organisations

    @Test
    void anOrganisationCreatedTwiceIsCreatedOnce() throws Exception {
        Map<String, Object> school =
                Map.of("name", "Basisschool De Dubbelklik " + tag, "sector", "onderwijs", "gemeente", "Urk");
        long id = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(school)
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(school)
                .post("/api/organisations")
                .then()
                .statusCode(409)
                .body(
                        "title",
                        equalTo("‘Basisschool De Dubbelklik " + tag + "’ in Urk staat al in het register (nummer " + id
                                + "). Er is geen tweede aangemaakt."));
        // five at once, without and with a KvK-nummer: one each, the others a clear 409 (never a 500)
        Map<String, Object> other =
                Map.of("name", "Kinderopvang Gelijktijdig " + tag, "sector", "kinderopvang", "gemeente", "Urk");
        assertEquals(
                AtOnce.oneThen(201, 409, 5),
                AtOnce.statuses(
                        5,
                        () -> beheerder
                                .given()
                                .contentType(ContentType.JSON)
                                .body(other)
                                .post("/api/organisations")));
        String kvk = String.valueOf(10_000_000 + (int) (Math.random() * 89_999_999));
        Map<String, Object> withKvk =
                Map.of("name", "Stichting KvK " + tag, "kvkNumber", kvk, "sector", "onderwijs", "gemeente", "Urk");
        assertEquals(
                AtOnce.oneThen(201, 409, 5),
                AtOnce.statuses(
                        5,
                        () -> beheerder
                                .given()
                                .contentType(ContentType.JSON)
                                .body(withKvk)
                                .post("/api/organisations")));
        assertEquals(1, count("SELECT count(*) FROM organisation WHERE name = ?1", "Kinderopvang Gelijktijdig " + tag));
        assertEquals(1, count("SELECT count(*) FROM organisation WHERE kvk_number = ?1", kvk));
        // the same name in another gemeente is another organisation
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Basisschool De Dubbelklik " + tag, "sector", "onderwijs", "gemeente", "Lelystad"))
                .post("/api/organisations")
                .then()
                .statusCode(201);
    }

    @Test
    @TestSecurity(user = "repeat-pages-beheerder-2", roles = "beheerder")
    void theNewOrganisationFormSentTwiceLeadsToTheOneThatExists() {
        String name = "Formulier Dubbel " + tag;
        String first = given().filter(Csrf.FORM)
                .contentType(ContentType.URLENC)
                .formParam("name", name)
                .formParam("sector", "onderwijs")
                .formParam("gemeente", "Urk")
                .redirects()
                .follow(false)
                .post("/register/nieuw")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        String second = given().filter(Csrf.FORM)
                .contentType(ContentType.URLENC)
                .formParam("name", name)
                .formParam("sector", "onderwijs")
                .formParam("gemeente", "Urk")
                .redirects()
                .follow(false)
                .post("/register/nieuw")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertTrue(
                second.contains(first.replaceAll("^https?://[^/]+", "")) && second.endsWith("?melding=bestaat-al"),
                first + " / " + second);
        given().get(second)
                .then()
                .statusCode(200)
                .body(containsString(name))
                .body(containsString("Deze organisatie stond al in het register. Er is geen tweede aangemaakt."));
        assertEquals(1, count("SELECT count(*) FROM organisation WHERE name = ?1", name));
    }

    // ------------------------------------------------------------------ imports

    String preview(Tokens.TestUser who, String path, String csv) {
        return who.given()
                .contentType("text/csv")
                .body(csv)
                .post(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("id");
    }

    @Test
    void anImportConfirmedTwiceImportsOnce() throws Exception {
        String gem = "Dubbelimport " + tag;
        String csv = "naam;sector;gemeente\nSchool Een;onderwijs;" + gem + "\nSchool Twee;onderwijs;" + gem + "\n";
        String id = preview(beheerder, "/api/imports/organisations", csv);
        beheerder
                .given()
                .post("/api/imports/" + id + "/confirm")
                .then()
                .statusCode(200)
                .body("created", equalTo(2));
        beheerder
                .given()
                .post("/api/imports/" + id + "/confirm")
                .then()
                .statusCode(409)
                .body("title", containsString("Deze import is al verwerkt, op "))
                .body(
                        "title",
                        containsString(
                                "(nieuw: 2, bijgewerkt: 0, al gelijk: 0, overgeslagen: 0). Er is niets dubbel opgeslagen."));
        assertEquals(2, count("SELECT count(*) FROM organisation WHERE gemeente = ?1", gem));
        // the same file previewed twice and both confirmed at the same moment: the organisations once
        String gem2 = "Gelijktijdige import " + tag;
        String csv2 = "naam;sector;gemeente\nSchool Drie;onderwijs;" + gem2 + "\n";
        String a = preview(beheerder, "/api/imports/organisations", csv2);
        String b = preview(beheerder, "/api/imports/organisations", csv2);
        List<String> ids = List.of(a, b, a, b);
        var next = new AtomicInteger();
        List<Integer> statuses = AtOnce.statuses(
                4, () -> beheerder.given().post("/api/imports/" + ids.get(next.getAndIncrement()) + "/confirm"));
        assertEquals(List.of(200, 200, 409, 409), statuses);
        assertEquals(1, count("SELECT count(*) FROM organisation WHERE gemeente = ?1", gem2));

        // a staff list confirmed twice at once: each colleague once
        long org = orgWithAf("Importschool");
        String staff = "Naam;E-mailadres;Functie\nEva;eva." + tag + "@example.org;leerkracht\nFloor;floor." + tag
                + "@example.org;leerkracht\n";
        String s = preview(af, "/api/organisations/" + org + "/staff/import", staff);
        assertEquals(
                AtOnce.oneThen(200, 409, 4),
                AtOnce.statuses(4, () -> af.given().post("/api/imports/" + s + "/confirm")));
        assertEquals(2, count("SELECT count(*) FROM employment WHERE organisation_id = ?1", org));
        // the confirmed preview no longer holds the names and addresses, only the outcome
        assertEquals(
                0, count("SELECT count(*) FROM csv_import WHERE id = CAST(?1 AS uuid) AND content LIKE '%eva.%'", s));
    }

    @Test
    @TestSecurity(user = "repeat-pages-beheerder-3", roles = "beheerder")
    void theConfirmButtonClickedTwiceShowsTheFirstOutcome() {
        String gem = "Knopimport " + tag;
        String csv = "naam;sector;gemeente\nGoed;onderwijs;" + gem + "\n";
        String html = ImportPagesTest.upload("/import/organisaties", "org.csv", csv.getBytes(StandardCharsets.UTF_8))
                .extract()
                .asString();
        Matcher m = Pattern.compile("/import/([0-9a-f-]{36})/bevestigen").matcher(html);
        assertTrue(m.find(), html);
        ImportPagesTest.confirm(m.group(1), false)
                .body(containsString("Nieuw: 1"))
                .body(not(containsString("al verwerkt")));
        String second = Csrf.followRefused(
                given(),
                given().filter(Csrf.FORM)
                        .contentType(ContentType.URLENC)
                        .formParam("alleenGoede", "")
                        .redirects()
                        .follow(false)
                        .post("/import/" + m.group(1) + "/bevestigen"));
        assertTrue(
                second.contains("Import klaar")
                        && second.contains("Nieuw: 1")
                        && second.contains("Deze import is al verwerkt, op ")
                        && second.contains("Er is niets dubbel opgeslagen."),
                second);
        assertEquals(1, count("SELECT count(*) FROM organisation WHERE gemeente = ?1", gem));
    }
}
