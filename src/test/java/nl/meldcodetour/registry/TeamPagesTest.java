package nl.meldcodetour.registry;

import nl.meldcodetour.testsupport.Csrf;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
class TeamPagesTest {

    @Inject
    OrganisationService registry;

    @Inject
    TeamService teams;

    @Test
    @TestSecurity(user = "team-pages-af", roles = "aandachtsfunctionaris")
    @OidcSecurity(claims = { @Claim(key = "email", value = "team-pages-af@example.org"), @Claim(key = "email_verified", value = "true") })
    void theTeamPageShowsCountsFiltersAndAcceptsColleagues() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        long own = QuarkusTransaction.requiringNew().call(() -> {
            long id = registry.create(new OrganisationService.OrganisationInput("Teamschool " + suffix, null, null,
                    "onderwijs", "Urk", null, null, null, null, null), "test").id;
            registry.addAandachtsfunctionaris(id, new OrganisationService.AfInput("AF", "team-pages-af@example.org", null,
                    LocalDate.now().minusDays(1)), "test");
            teams.addStaff(id, new TeamService.StaffInput("Bram Bakker", "bram-" + suffix + "@example.org", "leerkracht", null), "test");
            return id;
        });
        long other = QuarkusTransaction.requiringNew().call(() -> registry.create(new OrganisationService.OrganisationInput(
                "Andere school " + suffix, null, null, "onderwijs", "Urk", null, null, null, null, null), "test").id);
        given().redirects().follow(false).get("/team").then().statusCode(303);
        given().get("/team/" + own).then().statusCode(200)
                .body(containsString("Team Teamschool " + suffix))
                .body(containsString("Nooit gedaan: 3"))
                .body(containsString("Bram Bakker"))
                .body(containsString(">Nooit gedaan</span>"))
                .body(containsString("Herinnering sturen"));
        given().queryParam("status", "behaald").get("/team/" + own).then().statusCode(200)
                .body(containsString("Niemand voldoet aan dit filter.")).body(not(containsString("bram-" + suffix)));
        given().filter(Csrf.FORM).contentType(ContentType.URLENC).formParam("name", "").formParam("email", "fout").formParam("functionId", "")
                .post("/team/" + own + "/collegas").then().statusCode(400).body(containsString("Dit veld is verplicht."));
        given().filter(Csrf.FORM).contentType(ContentType.URLENC).formParam("name", "Cor de Vries").formParam("email", "cor-" + suffix + "@example.org")
                .formParam("functionId", "intern-begeleider").redirects().follow(false).post("/team/" + own + "/collegas")
                .then().statusCode(303);
        given().get("/team/" + own).then().body(containsString("Cor de Vries"))
                .body(containsString("href=\"/team/" + own + "/team.csv\""));
        // the download link of the page works with the login cookie (the /api/ variant takes bearer tokens only)
        given().get("/team/" + own + "/team.csv").then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("team-" + own + ".csv"))
                .body(containsString("Bram Bakker")).body(containsString("Cor de Vries"));
        given().get("/team/" + other).then().statusCode(404);
        given().get("/team/" + other + "/team.csv").then().statusCode(404);
    }

    /** Issue #30, point 1: Mijn team and Register in the AF's own menu never answer 403, they say how to get registered. */
    @Test
    @TestSecurity(user = "team-pages-none", roles = "aandachtsfunctionaris")
    @OidcSecurity(claims = { @Claim(key = "email", value = "nobody-team@example.org"), @Claim(key = "email_verified", value = "true") })
    void anAfWithoutOrganisationIsToldHowTheyGetRegistered() {
        for (String menuLink : List.of("/team", "/register")) {
            given().get(menuLink).then().statusCode(200)
                    .body(not(containsString("Geen toegang")))
                    .body(containsString("Je bent nog niet geregistreerd als aandachtsfunctionaris van een organisatie"))
                    .body(containsString("Zo word je geregistreerd"))
                    .body(containsString("<strong>nobody-team@example.org</strong>"))
                    .body(containsString("Log daarna uit en weer in"))
                    .body(not(containsString("nog niet bevestigd")));
        }
    }

    @Test
    @TestSecurity(user = "team-pages-unverified", roles = "aandachtsfunctionaris")
    @OidcSecurity(claims = { @Claim(key = "email", value = "unverified-team@example.org"), @Claim(key = "email_verified", value = "false") })
    void anAfWithAnUnverifiedAddressIsToldToConfirmItFirst() {
        given().get("/team").then().statusCode(200).body(containsString("Je e-mailadres is nog niet bevestigd"));
    }

    @Test
    @TestSecurity(user = "team-pages-later", roles = "aandachtsfunctionaris")
    @OidcSecurity(claims = { @Claim(key = "email", value = "later-team@example.org"), @Claim(key = "email_verified", value = "true") })
    void anAfWhoseRoleStartsLaterIsToldFromWhen() {
        given().get("/mijn-gegevens").then().statusCode(200); // logged in before: the registration binds at once
        String name = "Latere school " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate from = LocalDate.now().plusDays(10);
        QuarkusTransaction.requiringNew().run(() -> {
            long id = registry.create(new OrganisationService.OrganisationInput(name, null, null, "onderwijs", "Urk", null, null, null,
                    null, null), "test").id;
            registry.addAandachtsfunctionaris(id, new OrganisationService.AfInput("AF later", "later-team@example.org", null, from), "test");
        });
        for (String menuLink : List.of("/team", "/register")) {
            given().get(menuLink).then().statusCode(200)
                    .body(containsString("maar dat begint later"))
                    .body(containsString("<strong>" + name + "</strong> vanaf <time datetime=\"" + from + "\">"))
                    .body(not(containsString("Zo word je geregistreerd")));
        }
    }
}
