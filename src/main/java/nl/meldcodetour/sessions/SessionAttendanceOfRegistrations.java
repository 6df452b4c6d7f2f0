/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import nl.meldcodetour.learning.SessionAttendance;

/** Whether someone attended a session covering a module, for learning's blended modules. */
@ApplicationScoped
public class SessionAttendanceOfRegistrations implements SessionAttendance {

    @Inject
    EntityManager em;

    // SQL: one statement for a yes/no that joins both tables and tests the module in the session's array (= ANY).
    @Override
    public boolean attended(long personId, String moduleId, Instant from, Instant to) {
        return ((Number) em.createNativeQuery("""
                                SELECT count(*) FROM session_registration r JOIN tour_session s ON s.id = r.session_id
                                WHERE r.person_id = ?1 AND r.attended AND ?2 = ANY (s.modules) AND s.starts_at > ?3 AND s.starts_at <= ?4""")
                                .setParameter(1, personId)
                                .setParameter(2, moduleId)
                                .setParameter(3, from)
                                .setParameter(4, to)
                                .getSingleResult())
                        .longValue()
                > 0;
    }
}
