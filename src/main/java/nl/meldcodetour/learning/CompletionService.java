/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.db.SqlRow;
import nl.meldcodetour.core.metrics.BusinessMetrics;

/** Records and reads completions. */
@ApplicationScoped
public class CompletionService {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<CompletionRecorded> recorded;

    @Inject
    BusinessMetrics metrics;

    /**
     * Records the completion of a passed attempt. Idempotent per attempt: the unique key on {@code attempt_id}
     * and {@code ON CONFLICT DO NOTHING} make sure an attempt never yields a second completion.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordPass(
            long personId, Module module, UUID attemptId, String contentVersion, int score, Instant completedAt) {
        if (module.attendanceRequired() && !attended(personId, module, completedAt)) {
            return false; // blended: completed when the person has also attended a session (see recordAttendance)
        }
        LocalDate completedOn = LocalDate.ofInstant(completedAt, clock.getZone());
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                INSERT INTO completion (id, person_id, module_id, attempt_id, content_version, score, completed_at, valid_until)
                VALUES (:id, :person, :module, :attempt, :version, :score, :at, :until)
                ON CONFLICT (attempt_id) DO NOTHING
                """)
                .setParameter("id", id)
                .setParameter("person", personId)
                .setParameter("module", module.id())
                .setParameter("attempt", attemptId)
                .setParameter("version", contentVersion)
                .setParameter("score", score)
                .setParameter("at", completedAt)
                .setParameter("until", Validity.validUntil(completedOn, module.refresherMonths()))
                .executeUpdate();
        if (inserted == 1) {
            recorded.fire(new CompletionRecorded(id, personId, module.id()));
            metrics.countAfterCommit(BusinessMetrics.COMPLETIONS, "module", module.id());
        }
        return true;
    }

    /**
     * A blended module's second half: the person attended a session that covers it. When they passed the quiz no
     * more than the refresher period before (and it did not become a completion yet), the module is completed now.
     * Returns whether a completion was recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordAttendance(long personId, Module module, Instant now) {
        if (!module.attendanceRequired()) {
            return false;
        }
        Optional<PassedAttempt> attempt = SqlRow.first(
                em.createNativeQuery("""
                SELECT a.id, a.content_version, a.percentage FROM quiz_attempt a
                WHERE a.person_id = ?1 AND a.module_id = ?2 AND a.passed AND a.submitted_at > ?3
                  AND NOT EXISTS (SELECT 1 FROM completion c WHERE c.attempt_id = a.id)
                ORDER BY a.submitted_at DESC LIMIT 1""")
                        .setParameter(1, personId)
                        .setParameter(2, module.id())
                        .setParameter(
                                3,
                                now.atZone(clock.getZone())
                                        .minusMonths(module.refresherMonths())
                                        .toInstant()),
                r -> new PassedAttempt(r.uuid(0), r.string(1), r.intValue(2)));
        if (attempt.isEmpty()) {
            return false;
        }
        PassedAttempt a = attempt.get();
        return recordPass(personId, module, a.id(), a.contentVersion(), a.percentage(), now);
    }

    /** A passed quiz attempt that is no completion yet. */
    private record PassedAttempt(UUID id, String contentVersion, int percentage) {}

    /** Attended (marked present) a session covering the module, within the refresher period before {@code at}. */
    private boolean attended(long personId, Module module, Instant at) {
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM session_registration r JOIN tour_session s ON s.id = r.session_id
                WHERE r.person_id = ?1 AND r.attended AND ?2 = ANY (s.modules) AND s.starts_at > ?3 AND s.starts_at <= ?4""")
                                .setParameter(1, personId)
                                .setParameter(2, module.id())
                                .setParameter(
                                        3,
                                        at.atZone(clock.getZone())
                                                .minusMonths(module.refresherMonths())
                                                .toInstant())
                                .setParameter(4, at.plusSeconds(86_400))
                                .getSingleResult())
                        .longValue()
                > 0;
    }

    /** All completions of a person, newest first. */
    public List<Completion> ofPerson(long personId) {
        return em.createQuery("from Completion where personId = :p order by completedAt desc", Completion.class)
                .setParameter("p", personId)
                .getResultList();
    }
}
