/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.testsupport.Quizzes;
import nl.meldcodetour.testsupport.Sessions;
import nl.meldcodetour.testsupport.Tokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The aandachtsfunctionaris module is blended: quiz and attendance together complete it, in either order. */
@QuarkusTest
class BlendedCompletionTest {

    static final String MODULE = "aandachtsfunctionaris";

    @Inject
    ContentService content;

    @Inject
    EntityManager em;

    final Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");

    void passQuiz(Tokens.TestUser user) {
        Quizzes.pass(user, content.catalog().module(MODULE).orElseThrow())
                .body("result.attendanceRequired", equalTo(true));
    }

    long session() {
        LocalDateTime start = LocalDateTime.now(ClockProducer.ZONE).plusHours(2).truncatedTo(ChronoUnit.HOURS);
        return beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Aandachtsfunctionarissen-middag",
                        "modules",
                        List.of(MODULE),
                        "startsAt",
                        start.toString(),
                        "endsAt",
                        start.plusHours(3).toString(),
                        "place",
                        "Emmeloord",
                        "capacity",
                        20,
                        "trainer",
                        "T"))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    void mark(long session, Tokens.TestUser who, boolean present) {
        Sessions.begin(session); // attendance is taken once the session has begun
        List<Map<String, Object>> list = beheerder
                .given()
                .get("/api/sessions/" + session + "/attendance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        long registration = list.stream()
                .filter(a -> (who.subject() + "@example.org").equals(a.get("email")))
                .map(a -> ((Number) a.get("registrationId")).longValue())
                .findFirst()
                .orElseThrow();
        beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("marks", Map.of(String.valueOf(registration), present)))
                .put("/api/sessions/" + session + "/attendance")
                .then()
                .statusCode(200);
    }

    long completions(Tokens.TestUser who) {
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM completion c JOIN person p ON p.id = c.person_id WHERE p.subject = ?1 AND c.module_id = ?2""")
                        .setParameter(1, who.subject())
                        .setParameter(2, MODULE)
                        .getSingleResult())
                .longValue();
    }

    @Test
    void quizFirstThenAttendance() {
        Tokens.TestUser af = Tokens.newUser(null, "aandachtsfunctionaris");
        passQuiz(af);
        assertEquals(0, completions(af), "the quiz alone does not complete a blended module");
        long session = session();
        af.given().put("/api/sessions/" + session + "/registration").then().statusCode(200);
        mark(session, af, false);
        assertEquals(0, completions(af), "absent: still not complete");
        mark(session, af, true);
        assertEquals(1, completions(af));
        af.given().get("/api/certificates").then().statusCode(200).body("moduleId", Matchers.hasItem(MODULE));
        mark(session, af, true); // marking again changes nothing
        assertEquals(1, completions(af));
    }

    @Test
    void attendanceFirstThenQuiz() {
        Tokens.TestUser af = Tokens.newUser(null, "aandachtsfunctionaris");
        af.given().get("/api/me").then().statusCode(200);
        long session = session();
        af.given().put("/api/sessions/" + session + "/registration").then().statusCode(200);
        mark(session, af, true);
        assertEquals(0, completions(af));
        passQuiz(af);
        assertEquals(1, completions(af));
    }
}
