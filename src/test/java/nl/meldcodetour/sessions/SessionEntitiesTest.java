/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The Panache entities of sessions against the real schema: arrays round-trip, a repeated registration starts afresh. */
@QuarkusTest
class SessionEntitiesTest {

    @Inject
    EntityManager em;

    @Inject
    SessionService sessions;

    long planned(String[] sectors, String[] modules) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            TourSession s = new TourSession();
            s.title = "Entiteit";
            s.sectors = sectors;
            s.modules = modules;
            s.startsAt = start;
            s.endsAt = start.plus(2, ChronoUnit.HOURS);
            s.place = "Urk";
            s.capacity = 3;
            s.trainer = "Trainer Test";
            s.createdBy = "test";
            s.createdAt = Instant.now();
            s.updatedAt = s.createdAt;
            s.persist();
            return s.id;
        });
    }

    @Test
    void arraysRoundTripThroughPostgresql() {
        long id = planned(new String[] {"onderwijs", "zorg"}, new String[] {});
        TourSession read = QuarkusTransaction.requiringNew().call(() -> TourSession.findById(id));
        assertArrayEquals(new String[] {"onderwijs", "zorg"}, read.sectors);
        assertArrayEquals(new String[] {}, read.modules);
        assertEquals(0, read.version);
        // stored as varchar arrays, as the native list query reads them
        assertEquals(
                "zorg|0",
                em.createNativeQuery(
                                "SELECT sectors[2] || '|' || cardinality(modules) FROM tour_session WHERE id = ?1",
                                String.class)
                        .setParameter(1, id)
                        .getSingleResult());
    }

    @Test
    void registeringAgainAfterCancellingStartsAfresh() {
        long session = planned(new String[] {}, new String[] {"meldcode-in-5-stappen"});
        Tokens.TestUser u = Tokens.newUser("onderwijs", "medewerker");
        u.given().get("/api/me").then().statusCode(200);
        long person = ((Number) em.createNativeQuery("SELECT id FROM person WHERE subject = ?1")
                        .setParameter(1, u.subject())
                        .getSingleResult())
                .longValue();
        sessions.register(session, person);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        UPDATE session_registration SET attended = true, promoted_at = now(),
                               registered_at = now() - interval '1 day' WHERE session_id = ?1""").setParameter(1, session).executeUpdate());
        sessions.cancel(session, person);
        SessionRegistration cancelled = QuarkusTransaction.requiringNew()
                .call(() -> SessionRegistration.<SessionRegistration>find("sessionId", session)
                        .singleResult());
        assertEquals("cancelled", cancelled.status);
        assertTrue(cancelled.cancelledAt != null);

        assertEquals("registered", sessions.register(session, person).status());
        SessionRegistration again = QuarkusTransaction.requiringNew()
                .call(() -> SessionRegistration.<SessionRegistration>find("sessionId", session)
                        .singleResult());
        assertEquals(cancelled.id, again.id);
        assertEquals("registered", again.status);
        assertNull(again.cancelledAt);
        assertNull(again.promotedAt);
        assertNull(again.attended);
        assertTrue(again.registeredAt.isAfter(cancelled.registeredAt));
    }
}
