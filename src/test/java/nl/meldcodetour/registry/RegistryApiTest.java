/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistryApiTest {

    final Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");
    final Tokens.TestUser gemeente = Tokens.newUser(null, "regio");

    static Map<String, Object> org(String name, String sector, String gemeente) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("sector", sector);
        m.put("gemeente", gemeente);
        m.put("area", "Emmeloord");
        m.put("postcode", "8302");
        m.put("staffCount", 25);
        return m;
    }

    JsonPath create(Map<String, Object> body) {
        return beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void beheerderCreatesAndEveryoneElseIsRefused() {
        String name = unique("Basisschool De Polderster");
        JsonPath created = create(org(name, "onderwijs", "Noordoostpolder"));
        long id = created.getLong("id");
        given().get("/api/organisations").then().statusCode(401);
        Tokens.newUser(null, "medewerker")
                .given()
                .get("/api/organisations")
                .then()
                .statusCode(403);
        Tokens.newUser(null, "aandachtsfunctionaris")
                .given()
                .get("/api/organisations")
                .then()
                .statusCode(403);
        gemeente.given().get("/api/organisations/" + id).then().statusCode(200).body("name", equalTo(name));
        gemeente.given()
                .contentType(ContentType.JSON)
                .body(org("X", "onderwijs", "Urk"))
                .post("/api/organisations")
                .then()
                .statusCode(403);
        gemeente.given().post("/api/organisations/" + id + "/deactivate").then().statusCode(403);
        Tokens.newUser(null, "medewerker")
                .given()
                .get("/api/organisations/" + id)
                .then()
                .statusCode(403);
    }

    @Test
    void invalidInputIsRefusedFieldByFieldInDutch() {
        Map<String, Object> body = org("", "sterrenkunde", "Noordoostpolder");
        body.put("postcode", "83O2");
        body.put("kvkNumber", "1234567");
        body.put("staffCount", -3);
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/organisations")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("sector"))
                .body("violations.field", hasItem("postcode"))
                .body("violations.field", hasItem("kvkNumber"))
                .body("violations.field", hasItem("staffCount"))
                .body(
                        "violations.find { it.field == 'kvkNumber' }.message",
                        equalTo("Een KvK-nummer heeft 8 cijfers."));
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body("{\"name\": ")
                .post("/api/organisations")
                .then()
                .statusCode(400);
        // a raw NUL inside JSON is not JSON at all: 400
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body("{\"name\": \"a\u0000b\", \"sector\": \"onderwijs\", \"gemeente\": \"Urk\"}")
                .post("/api/organisations")
                .then()
                .statusCode(400);
        // an escaped NUL is valid JSON; PostgreSQL cannot store it, so it is stripped
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body("{\"name\": \"a\\u0000b\", \"sector\": \"onderwijs\", \"gemeente\": \"Urk\"}")
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .body("name", equalTo("ab"));
    }

    @Test
    void fullPostcodeIsReducedToItsFourDigits() {
        Map<String, Object> body = org(unique("Kinderopvang Het Vlot"), "kinderopvang", "Noordoostpolder");
        body.put("postcode", "8303 AB");
        create(body);
        // and the stored value is the 4-digit area
        beheerder
                .given()
                .get("/api/organisations?q=" + ((String) body.get("name")).substring(22))
                .then()
                .statusCode(200)
                .body("items[0].postcode", equalTo("8303"));
    }

    @Test
    void aDuplicateKvkNumberIsAConflict() {
        String kvk = String.valueOf(10_000_000 + (int) (Math.random() * 89_999_999));
        Map<String, Object> first = org(unique("Thuiszorg Polderhof"), "ouderenzorg", "Noordoostpolder");
        first.put("kvkNumber", kvk);
        create(first);
        Map<String, Object> second = org(unique("Thuiszorg Polderhof kopie"), "ouderenzorg", "Noordoostpolder");
        second.put("kvkNumber", kvk);
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(second)
                .post("/api/organisations")
                .then()
                .statusCode(409)
                .body("title", containsString("KvK-nummer"));
        second.put("vestigingsnummer", "000012345678");
        create(second);
    }

    @Test
    void twoEditorsNeverSilentlyOverwriteEachOther() {
        JsonPath created = create(org(unique("Wijkteam Nagele"), "wijkteam", "Noordoostpolder"));
        long id = created.getLong("id");
        int version = created.getInt("version");
        Map<String, Object> first = org("Wijkteam Nagele (eerste)", "wijkteam", "Noordoostpolder");
        first.put("version", version);
        Map<String, Object> second = org("Wijkteam Nagele (tweede)", "wijkteam", "Noordoostpolder");
        second.put("version", version);
        Tokens.TestUser otherBeheerder = Tokens.newUser(null, "beheerder");
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(first)
                .put("/api/organisations/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(version + 1));
        otherBeheerder
                .given()
                .contentType(ContentType.JSON)
                .body(second)
                .put("/api/organisations/" + id)
                .then()
                .statusCode(409)
                .body("title", containsString("Iemand anders heeft deze organisatie intussen gewijzigd"));
        gemeente.given().get("/api/organisations/" + id).then().body("name", equalTo("Wijkteam Nagele (eerste)"));
        Map<String, Object> noVersion = org("Zonder versie", "wijkteam", "Noordoostpolder");
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(noVersion)
                .put("/api/organisations/" + id)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("version"));
    }

    @Test
    void searchFiltersAndPages() {
        String gem = unique("Testgemeente");
        for (int i = 1; i <= 7; i++) {
            create(org("Zoekschool " + i, "onderwijs", gem));
        }
        create(org("Zoekzorg 1", "ouderenzorg", gem));
        create(org("Zoekpolitie 1", "politie", gem));
        gemeente.given()
                .queryParam("gemeente", gem)
                .queryParam("size", 3)
                .queryParam("page", 2)
                .get("/api/organisations")
                .then()
                .statusCode(200)
                .body("total", equalTo(9))
                .body("items", hasSize(3))
                .body("page", equalTo(2));
        gemeente.given()
                .queryParam("gemeente", gem)
                .queryParam("q", "zoekschool")
                .get("/api/organisations")
                .then()
                .body("total", equalTo(7))
                .body("items.sector", everyItem(equalTo("onderwijs")));
        // a sector filter includes its sub-sectors
        gemeente.given()
                .queryParam("gemeente", gem)
                .queryParam("sector", "gezondheidszorg")
                .get("/api/organisations")
                .then()
                .body("total", equalTo(1))
                .body("items[0].name", equalTo("Zoekzorg 1"));
        // obliged sectors without an active AF are flagged; the police (not obliged) are not
        gemeente.given()
                .queryParam("gemeente", gem)
                .queryParam("q", "zoekpolitie")
                .get("/api/organisations")
                .then()
                .body("items[0].afMissing", equalTo(false));
        gemeente.given()
                .queryParam("gemeente", gem)
                .queryParam("q", "zoekzorg")
                .get("/api/organisations")
                .then()
                .body("items[0].afMissing", equalTo(true));
        gemeente.given()
                .queryParam("size", 1000)
                .get("/api/organisations")
                .then()
                .statusCode(400);
        gemeente.given().queryParam("page", 0).get("/api/organisations").then().statusCode(400);
        gemeente.given()
                .queryParam("q", "%' OR 1=1 --")
                .queryParam("gemeente", gem)
                .get("/api/organisations")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aandachtsfunctionarisHistoryIsKept() {
        JsonPath created = create(org(unique("Kinderdagverblijf De Kraai"), "kinderopvang", "Noordoostpolder"));
        long id = created.getLong("id");
        gemeente.given().get("/api/organisations/" + id).then().body("afMissing", equalTo(true));
        long afId = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Fatima el Amrani", "email", "Fatima@Kraai.example.org", "startDate", "2024-01-01"))
                .post("/api/organisations/" + id + "/aandachtsfunctionarissen")
                .then()
                .statusCode(201)
                .body("active", equalTo(true))
                .body("email", equalTo("fatima@kraai.example.org"))
                .extract()
                .jsonPath()
                .getLong("id");
        gemeente.given().get("/api/organisations/" + id).then().body("afMissing", equalTo(false));
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("endDate", "2023-12-01"))
                .post("/api/organisations/" + id + "/aandachtsfunctionarissen/" + afId + "/end")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("endDate"));
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("endDate", "2025-06-30"))
                .post("/api/organisations/" + id + "/aandachtsfunctionarissen/" + afId + "/end")
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("endDate", equalTo("2025-06-30"));
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/organisations/" + id + "/aandachtsfunctionarissen/" + afId + "/end")
                .then()
                .statusCode(409);
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Kees Visser", "email", "kees@kraai.example.org"))
                .post("/api/organisations/" + id + "/aandachtsfunctionarissen")
                .then()
                .statusCode(201);
        gemeente.given()
                .get("/api/organisations/" + id)
                .then()
                .body("aandachtsfunctionarissen", hasSize(2))
                .body("aandachtsfunctionarissen.name", hasItem("Fatima el Amrani"))
                .body("aandachtsfunctionarissen.find { it.name == 'Fatima el Amrani' }.endDate", equalTo("2025-06-30"))
                .body("afMissing", equalTo(false));
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Zonder mail", "email", "geen-mailadres"))
                .post("/api/organisations/" + id + "/aandachtsfunctionarissen")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("email"));
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/organisations/999999999/aandachtsfunctionarissen/" + afId + "/end")
                .then()
                .statusCode(404);
    }

    @Test
    void anAandachtsfunctionarisSeesOnlyTheirOwnOrganisation() {
        long a = create(org(unique("School A"), "onderwijs", "Urk")).getLong("id");
        long b = create(org(unique("School B"), "onderwijs", "Urk")).getLong("id");
        Tokens.TestUser af = Tokens.newUser(null, "aandachtsfunctionaris");
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "AF van A", "email", af.subject() + "@example.org"))
                .post("/api/organisations/" + a + "/aandachtsfunctionarissen")
                .then()
                .statusCode(201);
        af.given().get("/api/organisations/" + a).then().statusCode(200);
        af.given().get("/api/organisations/" + b).then().statusCode(404);
        af.given()
                .get("/api/organisations/mine")
                .then()
                .statusCode(200)
                .body("id", contains((int) a))
                .body("id", not(hasItem((int) b)));
        af.given().get("/api/organisations").then().statusCode(403);
        af.given()
                .contentType(ContentType.JSON)
                .body(org("Overname", "onderwijs", "Urk"))
                .put("/api/organisations/" + a)
                .then()
                .statusCode(403);
    }

    @Test
    void deactivatedOrganisationsAreKeptButHidden() {
        String gem = unique("Deactiveergemeente");
        long id = create(org("Te sluiten school", "onderwijs", gem)).getLong("id");
        beheerder
                .given()
                .post("/api/organisations/" + id + "/deactivate")
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("afMissing", equalTo(false));
        gemeente.given()
                .queryParam("gemeente", gem)
                .get("/api/organisations")
                .then()
                .body("total", equalTo(0));
        gemeente.given()
                .queryParam("gemeente", gem)
                .queryParam("inactive", true)
                .get("/api/organisations")
                .then()
                .body("total", equalTo(1));
        beheerder
                .given()
                .post("/api/organisations/" + id + "/activate")
                .then()
                .statusCode(200)
                .body("active", equalTo(true));
    }

    @Test
    void changesAreInTheAuditLogForTheBeheerderOnly() {
        long id = create(org(unique("Audit BV"), "jeugdhulp", "Lelystad")).getLong("id");
        beheerder
                .given()
                .post("/api/organisations/" + id + "/deactivate")
                .then()
                .statusCode(200);
        beheerder
                .given()
                .queryParam("objectType", "organisation")
                .queryParam("objectId", id)
                .get("/api/registry/audit-log")
                .then()
                .statusCode(200)
                .body("action", contains("DEACTIVATE", "CREATE"))
                .body("actor", everyItem(equalTo(beheerder.subject())));
        gemeente.given().get("/api/registry/audit-log").then().statusCode(403);
        Tokens.newUser(null, "medewerker")
                .given()
                .get("/api/registry/audit-log")
                .then()
                .statusCode(403);
    }
}
