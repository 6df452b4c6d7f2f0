/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.UUID;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LearningApiTest {

    static final String MODULE = "meldcode-in-5-stappen";

    @Inject
    EntityManager em;

    @Test
    void firstCallMirrorsTheIdentityIntoAPersonRecord() {
        Tokens.TestUser user = Tokens.newUser("onderwijs", "medewerker");
        user.given()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("subject", equalTo(user.subject()))
                .body("email", equalTo(user.subject() + "@example.org"))
                .body("sector", equalTo("onderwijs"));
        user.given().get("/api/me").then().statusCode(200);
        Number count = (Number) em.createNativeQuery("SELECT count(*) FROM person WHERE subject = ?1")
                .setParameter(1, user.subject())
                .getSingleResult();
        Assertions.assertEquals(1, count.intValue());
    }

    @Test
    void anUnknownSectorClaimIsIgnored() {
        Tokens.newUser("sterrenkunde", "medewerker")
                .given()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("sector", nullValue());
    }

    @Test
    void newLearnerSeesTheCoreModuleNotStarted() {
        Tokens.newUser(null, "medewerker")
                .given()
                .get("/api/modules")
                .then()
                .statusCode(200)
                .body("id", hasItem(MODULE))
                .body("find { it.id == '" + MODULE + "' }.status", equalTo("NIET_GESTART"))
                .body("find { it.id == '" + MODULE + "' }.statusLabel", equalTo("Niet gestart"))
                .body("find { it.id == '" + MODULE + "' }.core", equalTo(true));
    }

    @Test
    void readingAPageMakesTheModuleBusyAndRecordsProgress() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        user.given()
                .get("/api/modules/" + MODULE + "/pages/3")
                .then()
                .statusCode(200)
                .body("number", equalTo(3))
                .body("title", equalTo("Stap 1 en 2: signalen en overleg"))
                .body("html", containsString("<h2 id=\""));
        user.given()
                .get("/api/modules")
                .then()
                .body("find { it.id == '" + MODULE + "' }.status", equalTo("BEZIG"))
                .body("find { it.id == '" + MODULE + "' }.furthestPage", equalTo(3));
    }

    @Test
    void moduleDetailListsItsPages() {
        Tokens.newUser(null, "medewerker")
                .given()
                .get("/api/modules/" + MODULE)
                .then()
                .statusCode(200)
                .body("module.id", equalTo(MODULE))
                .body("pages.number", hasItems(1, 2, 3, 4, 5, 6))
                .body("pages[0].title", equalTo("Waarom een meldcode?"));
    }

    @Test
    void unknownModulesAndPagesAre404WithJson() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        user.given().get("/api/modules/bestaat-niet").then().statusCode(404).body("title", equalTo("Niet gevonden"));
        user.given().get("/api/modules/" + MODULE + "/pages/99").then().statusCode(404);
        user.given().get("/api/modules/" + MODULE + "/pages/0").then().statusCode(404);
        user.given().get("/api/modules/" + MODULE + "/pages/abc").then().statusCode(404);
        user.given().get("/api/modules/..%2F..%2Fetc%2Fpasswd").then().statusCode(404);
    }

    @Test
    void statusFollowsTheValidityOfTheLatestPass() {
        Tokens.TestUser soon = Tokens.newUser(null, "medewerker");
        Tokens.TestUser expired = Tokens.newUser(null, "medewerker");
        Tokens.TestUser current = Tokens.newUser(null, "medewerker");
        LocalDate today = LocalDate.now(ClockProducer.ZONE);
        insertCompletion(soon, today.plusDays(30));
        insertCompletion(expired, today.minusDays(1));
        insertCompletion(current, today.plusDays(200));
        soon.given()
                .get("/api/modules")
                .then()
                .body("find { it.id == '" + MODULE + "' }.status", equalTo("VERLOOPT_BINNENKORT"))
                .body(
                        "find { it.id == '" + MODULE + "' }.validUntil",
                        equalTo(today.plusDays(30).toString()));
        expired.given()
                .get("/api/modules")
                .then()
                .body("find { it.id == '" + MODULE + "' }.status", equalTo("VERLOPEN"));
        current.given()
                .get("/api/modules")
                .then()
                .body("find { it.id == '" + MODULE + "' }.status", equalTo("BEHAALD"));
        current.given()
                .get("/api/completions")
                .then()
                .statusCode(200)
                .body("moduleId", hasItem(MODULE))
                .body("moduleTitle", not(hasItem(nullValue())));
    }

    @Test
    void ofSeveralPassesTheOneValidLongestCounts() {
        // the learner statement (LearningService.LEARNER_STATE_SQL) picks one pass per module: the one valid longest,
        // even when an expired one was inserted after it
        Tokens.TestUser learner = Tokens.newUser(null, "medewerker");
        LocalDate today = LocalDate.now(ClockProducer.ZONE);
        insertCompletion(learner, today.plusDays(200));
        insertCompletion(learner, today.minusDays(400));
        insertCompletion(learner, today.plusDays(20));
        learner.given().get("/api/modules/" + MODULE + "/pages/4").then().statusCode(200);
        learner.given()
                .get("/api/modules")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + MODULE + "' }.status", equalTo("BEHAALD"))
                .body("find { it.id == '" + MODULE + "' }.furthestPage", equalTo(4))
                .body(
                        "find { it.id == '" + MODULE + "' }.validUntil",
                        equalTo(today.plusDays(200).toString()));
    }

    void insertCompletion(Tokens.TestUser user, LocalDate validUntil) {
        user.given().get("/api/me").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> insert(user, validUntil));
    }

    private void insert(Tokens.TestUser user, LocalDate validUntil) {
        Number personId = (Number) em.createNativeQuery("SELECT id FROM person WHERE subject = ?1")
                .setParameter(1, user.subject())
                .getSingleResult();
        em.createNativeQuery("""
                INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                VALUES (?1, ?2, ?3, 'test', 90, now(), ?4)""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, personId.longValue())
                .setParameter(3, MODULE)
                .setParameter(4, validUntil)
                .executeUpdate();
    }
}
