/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.certificates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import nl.meldcodetour.core.db.SqlRow;
import nl.meldcodetour.learning.CompletionRecorded;

/** Issues certificates for completions and finds them for their holder or by verification code. */
@ApplicationScoped
public class CertificateService {

    @Inject
    EntityManager em;

    @Inject
    ContentService content;

    @Inject
    Clock clock;

    @Inject
    MeldcodetourConfig config;

    /** On every new completion, in the same transaction: a certificate. */
    void onCompletion(@Observes CompletionRecorded recorded) {
        issue(recorded.completionId(), recorded.moduleId());
    }

    /**
     * Issues the certificate of a completion unless it exists. Its content version is the module's own version, readable
     * ("3 (22 november 2026)"), when that version was published on or before the completion day; for a completion from
     * before it (a certificate issued later for an old completion) the version is not known, so the certificate keeps
     * the content code recorded with the completion.
     */
    void issue(UUID completionId, String moduleId) {
        Optional<Module> module = content.catalog().module(moduleId);
        String title = module.map(Module::title).orElse(moduleId);
        LocalDate completedOn = SqlRow.first(
                        em.createNativeQuery(
                                        "SELECT (completed_at AT TIME ZONE 'Europe/Amsterdam')::date FROM completion WHERE id = ?1")
                                .setParameter(1, completionId),
                        r -> r.date(0))
                .orElse(null);
        String version = module.filter(m -> m.versionDate() != null
                        && completedOn != null
                        && !m.versionDate().isAfter(completedOn))
                .flatMap(Module::versionLabel)
                .orElse(null);
        em.createNativeQuery("""
                INSERT INTO certificate (id, completion_id, person_id, code, holder_name, module_id, module_title, completed_on,
                                         valid_until, content_version, issuer)
                SELECT ?1, c.id, c.person_id, ?2, left(coalesce(nullif(p.display_name, ''), p.email, 'Onbekend'), 200), c.module_id,
                       left(?3, 200), (c.completed_at AT TIME ZONE 'Europe/Amsterdam')::date, c.valid_until,
                       coalesce(nullif(CAST(?6 AS varchar), ''), c.content_version), ?4
                FROM completion c JOIN person p ON p.id = c.person_id WHERE c.id = ?5
                ON CONFLICT (completion_id) DO NOTHING""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, VerificationCode.generate())
                .setParameter(3, title)
                .setParameter(4, config.certificates().issuer())
                .setParameter(5, completionId)
                .setParameter(6, version == null ? "" : version)
                .executeUpdate();
    }

    /** A completion that has no certificate yet. */
    private record Uncertified(UUID id, String moduleId) {}

    /** All certificates of a person, newest first; completions from before certificates existed get one now. */
    @Transactional
    public List<Certificate> of(long personId) {
        List<Uncertified> missing = SqlRow.list(
                em.createNativeQuery("""
                SELECT c.id, c.module_id FROM completion c
                WHERE c.person_id = ?1 AND NOT EXISTS (SELECT 1 FROM certificate x WHERE x.completion_id = c.id)""").setParameter(1, personId), r -> new Uncertified(r.uuid(0), r.string(1)));
        for (Uncertified completion : missing) {
            issue(completion.id(), completion.moduleId());
        }
        return em.createQuery(
                        "from Certificate where personId = :p order by completedOn desc, moduleTitle",
                        Certificate.class)
                .setParameter("p", personId)
                .getResultList();
    }

    /** A certificate of this person only: someone else's id is "not found", never "forbidden". */
    public Optional<Certificate> own(long personId, UUID id) {
        return em
                .createQuery("from Certificate where id = :id and personId = :p", Certificate.class)
                .setParameter("id", id)
                .setParameter("p", personId)
                .getResultList()
                .stream()
                .findFirst();
    }

    public Optional<Certificate> byCode(String typed) {
        return VerificationCode.normalise(typed)
                .flatMap(code -> em
                        .createQuery("from Certificate where code = :c", Certificate.class)
                        .setParameter("c", code)
                        .getResultList()
                        .stream()
                        .findFirst());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public String verificationUrl(Certificate c) {
        return config.publicUrl().replaceAll("/+$", "") + "/verificatie/" + c.displayCode();
    }
}
