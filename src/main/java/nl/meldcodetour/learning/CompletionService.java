package nl.meldcodetour.learning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import nl.meldcodetour.content.Module;

/** Records and reads completions. */
@ApplicationScoped
public class CompletionService {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<CompletionRecorded> recorded;

    /**
     * Records the completion of a passed attempt. Idempotent per attempt: the unique key on {@code attempt_id}
     * and {@code ON CONFLICT DO NOTHING} make sure an attempt never yields a second completion.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordPass(long personId, Module module, UUID attemptId, String contentVersion, int score,
            Instant completedAt) {
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
        }
    }

    /** All completions of a person, newest first. */
    public List<Completion> ofPerson(long personId) {
        return em.createQuery("from Completion where personId = :p order by completedAt desc", Completion.class)
                .setParameter("p", personId).getResultList();
    }

    /** Per module, the completion that is valid longest. */
    public Map<String, Completion> latestPerModule(long personId) {
        return ofPerson(personId).stream().collect(Collectors.toMap(c -> c.moduleId, Function.identity(),
                (a, b) -> a.validUntil.isAfter(b.validUntil) ? a : b));
    }
}
