/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.meldcodetour.content.Module;
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

    @Inject
    QuizPasses quizPasses;

    @Inject
    SessionAttendance attendance;

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
        Instant since = now.atZone(clock.getZone())
                .minusMonths(module.refresherMonths())
                .toInstant();
        // the newest passed attempt that is no completion yet (a completion is this feature's own row)
        Optional<QuizPasses.Pass> attempt = quizPasses.passedSince(personId, module.id(), since).stream()
                .filter(p -> ((Number) em.createNativeQuery("SELECT count(*) FROM completion WHERE attempt_id = ?1")
                                        .setParameter(1, p.attemptId())
                                        .getSingleResult())
                                .longValue()
                        == 0)
                .findFirst();
        if (attempt.isEmpty()) {
            return false;
        }
        QuizPasses.Pass a = attempt.get();
        return recordPass(personId, module, a.attemptId(), a.contentVersion(), a.percentage(), now);
    }

    /** Attended (marked present) a session covering the module, within the refresher period before {@code at}. */
    private boolean attended(long personId, Module module, Instant at) {
        Instant from =
                at.atZone(clock.getZone()).minusMonths(module.refresherMonths()).toInstant();
        return attendance.attended(personId, module.id(), from, at.plusSeconds(86_400));
    }

    /** All completions of a person, newest first. */
    public List<Completion> ofPerson(long personId) {
        return em.createQuery("from Completion where personId = :p order by completedAt desc", Completion.class)
                .setParameter("p", personId)
                .getResultList();
    }

    /** One completion, for a feature that acts on {@link CompletionRecorded} (certificates). */
    public Optional<Completion> find(UUID completionId) {
        return Optional.ofNullable(em.find(Completion.class, completionId));
    }

    /** The last valid day of the person's newest pass of the module; empty when they never passed it. */
    public Optional<LocalDate> validUntil(long personId, String moduleId) {
        return Optional.ofNullable(em.createQuery(
                        "select max(validUntil) from Completion where personId = :p and moduleId = :m", LocalDate.class)
                .setParameter("p", personId)
                .setParameter("m", moduleId)
                .getSingleResult());
    }

    /**
     * Per person and module, the last valid day of the newest pass, for all these people in one statement (the team
     * view and the list of colleagues due, which hold a page of people at a time). People without a pass are absent.
     */
    public Map<Long, Map<String, LocalDate>> validUntil(Collection<Long> personIds) {
        Map<Long, Map<String, LocalDate>> result = new HashMap<>();
        if (personIds.isEmpty()) {
            return result;
        }
        em.createQuery("""
                        select c.personId, c.moduleId, max(c.validUntil) from Completion c
                        where c.personId in :people group by c.personId, c.moduleId""", Tuple.class)
                .setParameter("people", Set.copyOf(personIds))
                .getResultList()
                .forEach(t -> result.computeIfAbsent(t.get(0, Long.class), k -> new HashMap<>())
                        .put(t.get(1, String.class), t.get(2, LocalDate.class)));
        return result;
    }
}
