/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.identity.Person;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The learner pages read the person and the learner state in one statement
 * ({@link LearningService#PERSON_AND_LEARNER_STATE_SQL}); it must give what the person read and the separate state
 * statement give, and a person whose stored data is out of date must be written first and their state read with the
 * new data.
 */
@QuarkusTest
class LearnerStateTest {

    static final String MODULE = "meldcode-in-5-stappen";

    @Inject
    EntityManager em;

    @Inject
    LearningService learning;

    long organisation(String tag) {
        return ((Number) em.createNativeQuery(
                                "INSERT INTO organisation (name, sector, gemeente) VALUES (?1, 'politie', 'Urk') RETURNING id")
                        .setParameter(1, "Bureau " + tag)
                        .getSingleResult())
                .longValue();
    }

    void job(long organisation, String email, String function, LocalDate start, LocalDate end) {
        em.createNativeQuery("""
                INSERT INTO employment (organisation_id, name, email, function_id, start_date, end_date, person_id)
                VALUES (?1, 'Agent', ?2, ?3, ?4, ?5, (SELECT id FROM person WHERE lower(email) = lower(?2) AND email_verified LIMIT 1))""")
                .setParameter(1, organisation)
                .setParameter(2, email)
                .setParameter(3, function)
                .setParameter(4, start)
                .setParameter(5, end)
                .executeUpdate();
    }

    void pass(long personId, String module, LocalDate validUntil, int score) {
        em.createNativeQuery("""
                INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                VALUES (?1, ?2, ?3, 'test', ?4, now() - interval '1 day', ?5)""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, personId)
                .setParameter(3, module)
                .setParameter(4, score)
                .setParameter(5, validUntil)
                .executeUpdate();
    }

    long personId(String subject) {
        return ((Number) em.createNativeQuery("SELECT id FROM person WHERE subject = ?1")
                        .setParameter(1, subject)
                        .getSingleResult())
                .longValue();
    }

    @Test
    void theCombinedReadGivesThePersonAndTheSameStateAsTheSeparateReads() {
        Tokens.TestUser user = Tokens.newUser("politie", "medewerker");
        String email = user.subject().toUpperCase() + "@EXAMPLE.ORG"; // the registry may spell it differently
        LocalDate today = LocalDate.now(ClockProducer.ZONE);
        user.given().get("/api/modules/" + MODULE + "/pages/2").then().statusCode(200);
        long id = personId(user.subject());
        QuarkusTransaction.requiringNew().run(() -> {
            long org = organisation(user.subject());
            job(org, email, "wijkagent", today.minusYears(1), null);
            job(org, email, "wijkagent", today.minusYears(3), today.minusYears(2)); // ended: not counted twice
            job(org, email, "jeugdhulpverlener", today.minusYears(3), today.minusDays(1)); // ended yesterday
            pass(id, MODULE, today.plusDays(10), 70);
            pass(id, MODULE, today.plusDays(200), 90);
            pass(id, "politie", today.minusDays(5), 80);
        });

        var combined = learning.personAndState(user.subject(), today);
        assertNotNull(combined.person());
        assertEquals(id, combined.person().id);
        assertEquals(user.subject(), combined.person().subject);
        assertEquals(user.subject() + "@example.org", combined.person().email);
        assertEquals("politie", combined.person().sector);
        assertEquals(Set.of("wijkagent"), combined.state().functionIds());
        assertEquals(Set.of(MODULE, "politie"), combined.state().latest().keySet());
        assertEquals(today.plusDays(200), combined.state().latest().get(MODULE).validUntil);
        assertEquals(90, combined.state().latest().get(MODULE).score);
        assertEquals(2, combined.state().progress().get(MODULE).furthestPage());

        Person person = QuarkusTransaction.requiringNew().call(() -> em.find(Person.class, id));
        var separate = learning.state(person, today);
        assertEquals(separate.functionIds(), combined.state().functionIds());
        assertEquals(separate.progress(), combined.state().progress());
        assertEquals(separate.latest().keySet(), combined.state().latest().keySet());
        separate.latest().forEach((module, c) -> {
            var other = combined.state().latest().get(module);
            assertEquals(c.id, other.id, module);
            assertEquals(c.validUntil, other.validUntil, module);
            assertEquals(c.completedAt, other.completedAt, module);
            assertEquals(c.attemptId, other.attemptId, module);
        });

        // and through the page: the job's modules, the pass and the expired pass
        user.given()
                .get("/api/modules")
                .then()
                .statusCode(200)
                .body("id", hasItems(MODULE, "politie", "mensenhandel"))
                .body("find { it.id == '" + MODULE + "' }.status", equalTo("BEHAALD"))
                .body("find { it.id == 'politie' }.status", equalTo("VERLOPEN"));
    }

    @Test
    void aPersonNotStoredYetHasNoRowAndIsCreatedByThePage() {
        Tokens.TestUser user = Tokens.newUser(null, "medewerker");
        var combined = learning.personAndState(user.subject(), LocalDate.now(ClockProducer.ZONE));
        assertNull(combined.person());
        assertTrue(combined.state().functionIds().isEmpty()
                && combined.state().latest().isEmpty());
        user.given().get("/api/modules").then().statusCode(200).body("id", hasItem(MODULE));
        assertTrue(personId(user.subject()) > 0);
    }

    @Test
    void aChangedEmailIsStoredFirstAndTheJobsOfTheNewAddressCountAtOnce() {
        String subject = "moved-" + UUID.randomUUID();
        String newEmail = subject + "@example.org"; // what the token says
        LocalDate today = LocalDate.now(ClockProducer.ZONE);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO person (subject, display_name, email, sector, created_at, last_seen_at)
                    VALUES (?1, ?2, ?3, 'onderwijs', now() - interval '3 days', now())""")
                    .setParameter(1, subject)
                    .setParameter(2, "Test " + subject.substring(0, 13))
                    .setParameter(3, "oud-" + newEmail)
                    .executeUpdate();
            job(organisation(subject), newEmail, "wijkagent", today.minusMonths(1), null);
        });
        String token = Tokens.token(subject, "onderwijs", Set.of("medewerker"));
        // the stored person (old address) has no job; the one in the token has: the page must show the job's modules
        RestAssured.given()
                .auth()
                .oauth2(token)
                .get("/api/modules")
                .then()
                .statusCode(200)
                .body("id", hasItems(MODULE, "politie", "mensenhandel"))
                .body("id", not(hasItem("onderwijs")));
        String stored = (String) em.createNativeQuery("SELECT email FROM person WHERE subject = ?1")
                .setParameter(1, subject)
                .getSingleResult();
        assertEquals(newEmail, stored);
    }
}
