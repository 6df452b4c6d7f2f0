/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.registry.OrganisationService;
import nl.meldcodetour.testsupport.Csrf;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TeamPagesTest {

    @Inject
    OrganisationService registry;

    @Inject
    TeamService teams;

    @Test
    @TestSecurity(user = "team-pages-af", roles = "aandachtsfunctionaris")
    @OidcSecurity(
            claims = {
                @Claim(key = "email", value = "team-pages-af@example.org"),
                @Claim(key = "email_verified", value = "true")
            })
    void theTeamPageShowsCountsFiltersAndAcceptsColleagues() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        long own = QuarkusTransaction.requiringNew().call(() -> {
            long id = registry.create(
                            new OrganisationService.OrganisationInput(
                                    "Teamschool " + suffix,
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
                    new OrganisationService.AfInput(
                            "AF",
                            "team-pages-af@example.org",
                            null,
                            LocalDate.now().minusDays(1)),
                    "test");
            teams.addStaff(
                    id,
                    new TeamService.StaffInput("Bram Bakker", "bram-" + suffix + "@example.org", "leerkracht", null),
                    "test");
            return id;
        });
        long other = QuarkusTransaction.requiringNew()
                .call(() -> registry.create(
                                new OrganisationService.OrganisationInput(
                                        "Andere school " + suffix,
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
        given().redirects().follow(false).get("/team").then().statusCode(303);
        given().get("/team/" + own)
                .then()
                .statusCode(200)
                .body(containsString("Team Teamschool " + suffix))
                .body(containsString("Nooit gedaan: 1</a>"))
                .body(containsString("Bram Bakker"))
                .body(containsString(">Nooit gedaan</span>"))
                .body(containsString("Herinnering sturen"));
        given().queryParam("status", "behaald")
                .get("/team/" + own)
                .then()
                .statusCode(200)
                .body(containsString("Niemand voldoet aan dit filter."))
                .body(not(containsString("bram-" + suffix)));
        String refused = Csrf.followRefused(
                given(),
                given().filter(Csrf.FORM)
                        .contentType(ContentType.URLENC)
                        .formParam("name", "")
                        .formParam("email", "fout")
                        .formParam("functionId", "")
                        .redirects()
                        .follow(false)
                        .post("/team/" + own + "/collegas"));
        assertTrue(refused.contains("Dit veld is verplicht."), refused);
        assertTrue(refused.contains("name=\"email\" value=\"fout\""), "what was typed comes back: " + refused);
        given().filter(Csrf.FORM)
                .contentType(ContentType.URLENC)
                .formParam("name", "Cor de Vries")
                .formParam("email", "cor-" + suffix + "@example.org")
                .formParam("functionId", "intern-begeleider")
                .redirects()
                .follow(false)
                .post("/team/" + own + "/collegas")
                .then()
                .statusCode(303);
        given().get("/team/" + own)
                .then()
                .body(containsString("Cor de Vries"))
                .body(containsString("href=\"/team/" + own + "/team.csv\""));
        // the download link of the page works with the login cookie (the /api/ variant takes bearer tokens only)
        given().get("/team/" + own + "/team.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("team-" + own + ".csv"))
                .body(containsString("Bram Bakker"))
                .body(containsString("Cor de Vries"));
        given().get("/team/" + other).then().statusCode(404);
        given().get("/team/" + other + "/team.csv").then().statusCode(404);
    }

    @Inject
    EntityManager em;

    /** A colleague with a verified login (so the job binds to them) and passes valid until the given dates. */
    void colleague(long organisation, String name, String suffix, Map<String, LocalDate> passes) {
        QuarkusTransaction.requiringNew().run(() -> {
            String email = name.toLowerCase() + "-" + suffix + "@example.org";
            long person = ((Number) em.createNativeQuery(
                                    "INSERT INTO person (subject, email, email_verified) VALUES (?1, ?2, true) RETURNING id")
                            .setParameter(1, "team-pages-" + name + "-" + suffix)
                            .setParameter(2, email)
                            .getSingleResult())
                    .longValue();
            passes.forEach((module, until) -> em.createNativeQuery("""
                    INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                    VALUES (?1, ?2, ?3, 'test', 90, now(), ?4)""")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, person)
                    .setParameter(3, module)
                    .setParameter(4, until)
                    .executeUpdate());
            teams.addStaff(
                    organisation, new TeamService.StaffInput(name, email, "pedagogisch-medewerker", null), "test");
        });
    }

    @Test
    @TestSecurity(user = "team-pages-af-2", roles = "aandachtsfunctionaris")
    @OidcSecurity(
            claims = {
                @Claim(key = "email", value = "team-pages-af-2@example.org"),
                @Claim(key = "email_verified", value = "true")
            })
    void countsCountPeopleTheModuleFilterChangesRowsAndCountsAndUrgentComesFirst() {
        // issue #30, point 4: "Nooit gedaan: 18" with 8 colleagues (module statuses were counted), a module filter that
        // left the counts alone, and "Eerst wie iets moet doen" not in that order
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(ClockProducer.ZONE);
        LocalDate later = today.plusDays(300);
        LocalDate soon = today.plusDays(30);
        LocalDate past = today.minusDays(10);
        long own = QuarkusTransaction.requiringNew().call(() -> {
            long id = registry.create(
                            new OrganisationService.OrganisationInput(
                                    "Kinderdagverblijf " + suffix,
                                    null,
                                    null,
                                    "kinderopvang",
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
                    new OrganisationService.AfInput(
                            "AF",
                            "team-pages-af-2@example.org",
                            null,
                            LocalDate.now().minusDays(1)),
                    "test");
            return id;
        });
        // a pedagogisch medewerker must follow the core module, kinderopvang and kindermishandeling
        colleague(
                own,
                "Anouk",
                suffix,
                Map.of("meldcode-in-5-stappen", later, "kinderopvang", later, "kindermishandeling", later));
        colleague(
                own,
                "Bas",
                suffix,
                Map.of("meldcode-in-5-stappen", later, "kinderopvang", soon, "kindermishandeling", later));
        colleague(
                own,
                "Cas",
                suffix,
                Map.of("meldcode-in-5-stappen", past, "kinderopvang", later, "kindermishandeling", later));
        colleague(own, "Daan", suffix, Map.of());
        colleague(own, "Eef", suffix, Map.of("meldcode-in-5-stappen", later));
        // five colleagues: each counted once
        String all = given().get("/team/" + own)
                .then()
                .statusCode(200)
                .body(containsString("Behaald: 1</a>"))
                .body(containsString("Verloopt binnenkort: 1</a>"))
                .body(containsString("Verlopen of niet compleet: 2</a>"))
                .body(containsString("Nooit gedaan: 1</a>"))
                .body(containsString("Iedere collega telt één keer mee."))
                .extract()
                .asString();
        for (String name : List.of("Anouk", "Bas", "Cas", "Daan", "Eef")) {
            assertTrue(all.contains(name + "<br>"), name);
        }
        // one module: the counts over that module alone, and only that module in the rows
        String module = given().queryParam("module", "kinderopvang")
                .get("/team/" + own)
                .then()
                .statusCode(200)
                .body(containsString("Behaald: 2</a>"))
                .body(containsString("Verloopt binnenkort: 1</a>"))
                .body(containsString("Verlopen: 0</a>"))
                .body(containsString("Nooit gedaan: 2</a>"))
                .body(containsString("?status=nooit&amp;module=kinderopvang"))
                .body(not(containsString("Kindermishandeling herkennen (")))
                .extract()
                .asString();
        assertTrue(module.contains("De meldcode in de kinderopvang"), module);
        // module and status together: who never did this module
        given().queryParam("module", "kinderopvang")
                .queryParam("status", "nooit")
                .get("/team/" + own)
                .then()
                .statusCode(200)
                .body(containsString("Daan<br>"))
                .body(containsString("Eef<br>"))
                .body(not(containsString("Anouk<br>")))
                .body(not(containsString("Bas<br>")))
                .body(not(containsString("Cas<br>")));
        // the status filter selects people by where they stand, so the rows match the count
        given().queryParam("status", "verlopen")
                .get("/team/" + own)
                .then()
                .statusCode(200)
                .body(containsString("Cas<br>"))
                .body(containsString("Eef<br>"))
                .body(not(containsString("Anouk<br>")))
                .body(not(containsString("Daan<br>")));
        // urgent first: verlopen and nooit gedaan (by name), then verloopt binnenkort, then behaald
        String urgent = given().queryParam("sorteer", "status")
                .get("/team/" + own)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<Integer> order = List.of("Cas<br>", "Daan<br>", "Eef<br>", "Bas<br>", "Anouk<br>").stream()
                .map(urgent::indexOf)
                .toList();
        assertTrue(order.get(0) > 0, urgent);
        assertEquals(order.stream().sorted().toList(), order, urgent);
        // the same within one module: Daan and Eef never did kinderopvang, Bas's expires soon, Anouk's and Cas's hold
        String urgentModule = given().queryParam("sorteer", "status")
                .queryParam("module", "kinderopvang")
                .get("/team/" + own)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        order = List.of("Daan<br>", "Eef<br>", "Bas<br>", "Anouk<br>", "Cas<br>").stream()
                .map(urgentModule::indexOf)
                .toList();
        assertTrue(order.get(0) > 0, urgentModule);
        assertEquals(order.stream().sorted().toList(), order, urgentModule);
    }

    @Test
    @TestSecurity(user = "team-pages-af-3", roles = "aandachtsfunctionaris")
    @OidcSecurity(
            claims = {
                @Claim(key = "email", value = "team-pages-af-3@example.org"),
                @Claim(key = "email_verified", value = "true")
            })
    void theFunctionsOfTheOrganisationsSectorComeFirst() {
        // issue #30, point 4: a kinderdagverblijf was offered Huisarts and Wijkagent in one flat list
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        long own = QuarkusTransaction.requiringNew().call(() -> {
            long id = registry.create(
                            new OrganisationService.OrganisationInput(
                                    "Kinderdagverblijf " + suffix,
                                    null,
                                    null,
                                    "kinderopvang",
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
                    new OrganisationService.AfInput(
                            "AF",
                            "team-pages-af-3@example.org",
                            null,
                            LocalDate.now().minusDays(1)),
                    "test");
            return id;
        });
        String page =
                given().get("/team/" + own).then().statusCode(200).extract().asString();
        String select = page.substring(
                page.indexOf("<select id=\"c-functie\""),
                page.indexOf("</select>", page.indexOf("<select id=\"c-functie\"")));
        int sectorGroup = select.indexOf("<optgroup label=\"Kinderopvang\">");
        int otherGroup = select.indexOf("<optgroup label=\"Andere functie\">");
        assertTrue(sectorGroup > 0 && otherGroup > sectorGroup, select);
        for (String own2 : List.of("Pedagogisch medewerker", "Gastouder")) {
            int at = select.indexOf(own2);
            assertTrue(at > sectorGroup && at < otherGroup, own2 + ": " + select);
        }
        for (String other : List.of("Huisarts", "Wijkagent", "Leerkracht")) {
            assertTrue(select.indexOf(other) > otherGroup, other + ": " + select);
        }
        // a function of another sector can still be chosen
        given().filter(Csrf.FORM)
                .contentType(ContentType.URLENC)
                .formParam("name", "Stagiair")
                .formParam("email", "stagiair-" + suffix + "@example.org")
                .formParam("functionId", "jeugdhulpverlener")
                .redirects()
                .follow(false)
                .post("/team/" + own + "/collegas")
                .then()
                .statusCode(303);
    }

    /** Issue #30, point 1: Mijn team and Register in the AF's own menu never answer 403, they say how to get registered. */
    @Test
    @TestSecurity(user = "team-pages-none", roles = "aandachtsfunctionaris")
    @OidcSecurity(
            claims = {
                @Claim(key = "email", value = "nobody-team@example.org"),
                @Claim(key = "email_verified", value = "true")
            })
    void anAfWithoutOrganisationIsToldHowTheyGetRegistered() {
        for (String menuLink : List.of("/team", "/register")) {
            given().get(menuLink)
                    .then()
                    .statusCode(200)
                    .body(not(containsString("Geen toegang")))
                    .body(containsString(
                            "Je bent nog niet geregistreerd als aandachtsfunctionaris van een organisatie"))
                    .body(containsString("Zo word je geregistreerd"))
                    .body(containsString("<strong>nobody-team@example.org</strong>"))
                    .body(containsString("Log daarna uit en weer in"))
                    .body(not(containsString("nog niet bevestigd")));
        }
    }

    @Test
    @TestSecurity(user = "team-pages-unverified", roles = "aandachtsfunctionaris")
    @OidcSecurity(
            claims = {
                @Claim(key = "email", value = "unverified-team@example.org"),
                @Claim(key = "email_verified", value = "false")
            })
    void anAfWithAnUnverifiedAddressIsToldToConfirmItFirst() {
        given().get("/team").then().statusCode(200).body(containsString("Je e-mailadres is nog niet bevestigd"));
    }

    @Test
    @TestSecurity(user = "team-pages-later", roles = "aandachtsfunctionaris")
    @OidcSecurity(
            claims = {
                @Claim(key = "email", value = "later-team@example.org"),
                @Claim(key = "email_verified", value = "true")
            })
    void anAfWhoseRoleStartsLaterIsToldFromWhen() {
        given().get("/mijn-gegevens").then().statusCode(200); // logged in before: the registration binds at once
        String name = "Latere school " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate from = LocalDate.now().plusDays(10);
        QuarkusTransaction.requiringNew().run(() -> {
            long id = registry.create(
                            new OrganisationService.OrganisationInput(
                                    name, null, null, "onderwijs", "Urk", null, null, null, null, null),
                            "test")
                    .id;
            registry.addAandachtsfunctionaris(
                    id, new OrganisationService.AfInput("AF later", "later-team@example.org", null, from), "test");
        });
        for (String menuLink : List.of("/team", "/register")) {
            given().get(menuLink)
                    .then()
                    .statusCode(200)
                    .body(containsString("maar dat begint later"))
                    .body(containsString("<strong>" + name + "</strong> vanaf <time datetime=\"" + from + "\">"))
                    .body(not(containsString("Zo word je geregistreerd")));
        }
    }
}
