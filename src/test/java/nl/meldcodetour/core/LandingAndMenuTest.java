/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldcodetour.testsupport.BearerPages;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Every role's first hour without a wrong turn (issue #30, point 1): right after logging in everyone lands on a page
 * they may see, and every link in their menu opens (no "Geen toegang" from the menu). The aandachtsfunctionaris here is
 * registered for no organisation: Register and Mijn team explain how they get registered.
 */
@QuarkusTest
@TestProfile(BearerPages.class)
class LandingAndMenuTest {

    /** Role sets as the identity provider hands them out, with where each lands after logging in. */
    static final Map<List<String>, String> LANDING = new LinkedHashMap<>();

    static {
        LANDING.put(List.of("medewerker"), "/mijn-modules");
        LANDING.put(List.of("aandachtsfunctionaris"), "/mijn-modules");
        LANDING.put(List.of("gemeente"), "/mijn-modules");
        LANDING.put(List.of("regio"), "/mijn-modules");
        LANDING.put(List.of("beheerder"), "/mijn-modules");
        LANDING.put(List.of("trainer"), "/bijeenkomsten");
        LANDING.put(List.of("trainer", "medewerker"), "/mijn-modules");
        LANDING.put(List.of("redacteur"), "/toetsanalyse");
    }

    static final Pattern NAV = Pattern.compile("(?s)<nav aria-label=\"Hoofdmenu\".*?</nav>");
    static final Pattern HREF = Pattern.compile("href=\"(/[^\"]*)\"");

    static List<String> menu(Tokens.TestUser user) {
        String home = user.given().get("/").then().statusCode(200).extract().asString();
        Matcher nav = NAV.matcher(home);
        assertTrue(nav.find(), home);
        List<String> links = new ArrayList<>();
        Matcher href = HREF.matcher(nav.group());
        while (href.find()) {
            links.add(href.group(1));
        }
        return links;
    }

    @Test
    void everyRoleLandsOnAPageItMaySeeAndEveryMenuLinkOpens() {
        List<String> wrong = new ArrayList<>();
        for (var e : LANDING.entrySet()) {
            // a gemeente user as the identity provider sends one: bound to their gemeente (docs/security.md)
            Tokens.TestUser user = e.getKey().equals(List.of("gemeente"))
                    ? Tokens.newGemeenteUser("Urk")
                    : Tokens.newUser(null, e.getKey().toArray(String[]::new));
            Response login = user.given().redirects().follow(false).get("/inloggen");
            String landing = login.header("Location") == null
                    ? ""
                    : login.header("Location").replaceAll("^https?://[^/]+", "");
            if (login.statusCode() != 303 || !landing.equals(e.getValue())) {
                wrong.add(e.getKey() + ": logging in leads to " + login.statusCode() + " " + landing + ", expected "
                        + e.getValue());
            }
            int landed = user.given().get(e.getValue()).statusCode();
            if (landed != 200) {
                wrong.add(e.getKey() + ": the landing page " + e.getValue() + " gives " + landed);
            }
            for (String link : menu(user)) {
                Response page = user.given().get(link);
                if (page.statusCode() != 200 || page.asString().contains("Geen toegang")) {
                    wrong.add(e.getKey() + ": menu link " + link + " gives " + page.statusCode());
                }
            }
        }
        assertEquals("", String.join("\n", wrong));
    }

    @Test
    void theMenuOfATrainerShowsTheirSessionsAndTheirModulesOnlyWhenTheyAreALearnerToo() {
        List<String> trainer = menu(Tokens.newUser(null, "trainer"));
        assertTrue(trainer.contains("/bijeenkomsten"), trainer.toString());
        assertFalse(trainer.contains("/mijn-modules"), "a trainer only follows no modules: " + trainer);
        String start = Tokens.newUser(null, "trainer")
                .given()
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(start.contains("href=\"/bijeenkomsten\">Naar de bijeenkomsten</a>"), "the start page's button");

        List<String> trainerAndMedewerker = menu(Tokens.newUser(null, "trainer", "medewerker"));
        assertTrue(
                trainerAndMedewerker.containsAll(List.of("/bijeenkomsten", "/mijn-modules")),
                trainerAndMedewerker.toString());
    }
}
