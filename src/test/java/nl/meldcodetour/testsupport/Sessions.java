/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.testsupport;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/** Sessions (bijeenkomsten) in tests. */
public final class Sessions {

    private Sessions() {}

    /**
     * Lets a planned session begin: its start moves to a few minutes ago (planning refuses a start in the past, and
     * attendance can only be taken once a session has begun). Its end stays in the future, so it is still listed.
     */
    public static void begin(long sessionId) {
        QuarkusTransaction.requiringNew()
                .run(() -> Arc.container()
                        .instance(EntityManager.class)
                        .get()
                        .createNativeQuery("""
                UPDATE tour_session SET starts_at = now() - interval '5 minutes',
                                        ends_at = greatest(ends_at, now() + interval '1 hour') WHERE id = ?1""")
                        .setParameter(1, sessionId)
                        .executeUpdate());
    }
}
