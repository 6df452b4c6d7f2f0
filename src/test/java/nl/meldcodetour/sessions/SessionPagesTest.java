package nl.meldcodetour.sessions;

import nl.meldcodetour.testsupport.Csrf;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import nl.meldcodetour.core.time.ClockProducer;

@QuarkusTest
class SessionPagesTest {

    @Test
    @TestSecurity(user = "sessions-beheerder", roles = "beheerder")
    void aBeheerderPlansAndPeopleRegisterCancelAndAreMarkedPresent() {
        RestAssured.given().get("/bijeenkomsten/nieuw").then().statusCode(200).body(containsString("Bijeenkomst plannen"));
        // bad input: 400, everything typed stays, every problem named
        RestAssured.given().filter(Csrf.FORM).formParam("title", "<b>Tour</b> Emmeloord").formParam("capacity", "veel").formParam("startsAt", "gisteren")
                .post("/bijeenkomsten/nieuw").then().statusCode(400)
                .body(containsString("value=\"&lt;b&gt;Tour&lt;/b&gt; Emmeloord\"")).body(containsString("Vul het aantal plaatsen in"))
                .body(containsString("Vul datum en tijd in als")).body(not(containsString("<b>Tour</b>")));
        LocalDateTime start = LocalDateTime.now(ClockProducer.ZONE).plusDays(7).truncatedTo(ChronoUnit.HOURS);
        String title = "Tour Emmeloord " + System.nanoTime();
        RestAssured.given().filter(Csrf.FORM).redirects().follow(false).formParam("title", title).formParam("capacity", "1")
                .formParam("startsAt", start.toString()).formParam("endsAt", start.plusHours(2).toString())
                .formParam("place", "Bibliotheek Emmeloord").formParam("trainer", "Trainer T").formParam("sectors", "onderwijs")
                .formParam("modules", "meldcode-in-5-stappen")
                .post("/bijeenkomsten/nieuw").then().statusCode(303).header("Location", containsString("melding=gepland"));
        String list = RestAssured.given().get("/bijeenkomsten").then().statusCode(200).body(containsString(title)).extract().asString();
        String id = list.substring(list.indexOf("id=\"bijeenkomst-", list.indexOf(title) - 400) + 16);
        id = id.substring(0, id.indexOf('"'));
        RestAssured.given().filter(Csrf.FORM).redirects().follow(false).post("/bijeenkomsten/" + id + "/aanmelden").then().statusCode(303)
                .header("Location", containsString("melding=aangemeld"));
        RestAssured.given().get("/bijeenkomsten?melding=aangemeld").then().body(containsString("Je bent aangemeld"))
                .body(containsString("/bijeenkomsten/" + id + "/agenda.ics"));
        RestAssured.given().get("/bijeenkomsten/" + id + "/agenda.ics").then().statusCode(200).body(containsString("BEGIN:VEVENT"));
        String attendance = RestAssured.given().get("/bijeenkomsten/" + id + "/presentie").then().statusCode(200)
                .body(containsString("Aanwezig")).extract().asString();
        String field = attendance.substring(attendance.indexOf("name=\"r-") + 6);
        field = field.substring(0, field.indexOf('"'));
        RestAssured.given().filter(Csrf.FORM).redirects().follow(false).formParam(field, "aanwezig").post("/bijeenkomsten/" + id + "/presentie")
                .then().statusCode(303);
        RestAssured.given().get("/bijeenkomsten/" + id + "/presentie").then().body(containsString("value=\"aanwezig\" checked"));
        RestAssured.given().get("/bijeenkomsten/" + id + "/afmelden").then().statusCode(200).body(containsString("Ja, afmelden"));
        RestAssured.given().filter(Csrf.FORM).redirects().follow(false).post("/bijeenkomsten/" + id + "/afmelden").then().statusCode(303);
        RestAssured.given().get("/bijeenkomsten/" + id + "/agenda.ics").then().statusCode(404);

        // change: bad input keeps what was typed; a good change is saved
        RestAssured.given().get("/bijeenkomsten/" + id + "/wijzigen").then().statusCode(200).body(containsString("value=\"1\""));
        RestAssured.given().filter(Csrf.FORM).formParam("startsAt", start.toString()).formParam("endsAt", start.minusHours(1).toString())
                .formParam("place", "Elders").formParam("capacity", "3").post("/bijeenkomsten/" + id + "/wijzigen").then().statusCode(400)
                .body(containsString("Het einde moet na het begin liggen")).body(containsString("value=\"Elders\""));
        RestAssured.given().filter(Csrf.FORM).redirects().follow(false).formParam("startsAt", start.toString()).formParam("endsAt", start.plusHours(3).toString())
                .formParam("place", "Elders").formParam("capacity", "3").post("/bijeenkomsten/" + id + "/wijzigen").then().statusCode(303)
                .header("Location", containsString("melding=gewijzigd"));
        RestAssured.given().get("/bijeenkomsten").then().body(containsString("Elders"));
        // cancel the session, after confirmation
        RestAssured.given().get("/bijeenkomsten/" + id + "/afzeggen").then().statusCode(200).body(containsString("Ja, afzeggen"));
        RestAssured.given().filter(Csrf.FORM).redirects().follow(false).post("/bijeenkomsten/" + id + "/afzeggen").then().statusCode(303);
        RestAssured.given().get("/bijeenkomsten").then().body(not(containsString(title)));
    }

    @Test
    @TestSecurity(user = "sessions-medewerker", roles = "medewerker")
    void aMedewerkerCannotPlanOrTakeAttendance() {
        RestAssured.given().get("/bijeenkomsten").then().statusCode(200);
        RestAssured.given().get("/bijeenkomsten/nieuw").then().statusCode(403);
        RestAssured.given().get("/bijeenkomsten/987654321/presentie").then().statusCode(404);
        RestAssured.given().get("/bijeenkomsten/987654321/afzeggen").then().statusCode(404);
    }
}
