/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import nl.meldcodetour.core.db.SqlRow;
import nl.meldcodetour.learning.QuizPasses;

/** The passed attempts learning asks for when a blended module's session was attended. */
@ApplicationScoped
public class QuizPassesOfAttempts implements QuizPasses {

    @Inject
    EntityManager em;

    @Override
    public List<Pass> passedSince(long personId, String moduleId, Instant since) {
        return SqlRow.list(
                em.createNativeQuery("""
                        SELECT a.id, a.content_version, a.percentage FROM quiz_attempt a
                        WHERE a.person_id = ?1 AND a.module_id = ?2 AND a.passed AND a.submitted_at > ?3
                        ORDER BY a.submitted_at DESC""")
                        .setParameter(1, personId)
                        .setParameter(2, moduleId)
                        .setParameter(3, since),
                r -> new Pass(r.uuid(0), r.string(1), r.intValue(2)));
    }
}
