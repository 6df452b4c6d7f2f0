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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.identity.People;
import nl.meldcodetour.learning.Completion;
import nl.meldcodetour.learning.CompletionRecorded;
import nl.meldcodetour.learning.CompletionService;

/** Issues certificates for completions and finds them for their holder or by verification code. */
@ApplicationScoped
public class CertificateService {

    @Inject
    EntityManager em;

    @Inject
    ContentService content;

    @Inject
    CompletionService completions;

    @Inject
    People people;

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
        Completion completion = completions.find(completionId).orElse(null);
        if (completion == null) {
            return;
        }
        Optional<Module> module = content.catalog().module(moduleId);
        String title = module.map(Module::title).orElse(moduleId);
        LocalDate completedOn =
                completion.completedAt.atZone(ClockProducer.ZONE).toLocalDate();
        String version = module.filter(
                        m -> m.versionDate() != null && !m.versionDate().isAfter(completedOn))
                .flatMap(Module::versionLabel)
                .orElse(completion.contentVersion);
        String holder = people.name(completion.personId).orElse("Onbekend");
        em.createNativeQuery("""
                INSERT INTO certificate (id, completion_id, person_id, code, holder_name, module_id, module_title, completed_on,
                                         valid_until, content_version, issuer)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                ON CONFLICT (completion_id) DO NOTHING""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, completionId)
                .setParameter(3, completion.personId)
                .setParameter(4, VerificationCode.generate())
                .setParameter(5, left(holder))
                .setParameter(6, completion.moduleId)
                .setParameter(7, left(title))
                .setParameter(8, completedOn)
                .setParameter(9, completion.validUntil)
                .setParameter(10, version)
                .setParameter(11, config.certificates().issuer())
                .executeUpdate();
    }

    /** The certificate's text columns hold at most 200 characters. */
    private static String left(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }

    /** A completion that has no certificate yet. */
    private record Uncertified(UUID id, String moduleId) {}

    /** All certificates of a person, newest first; completions from before certificates existed get one now. */
    @Transactional
    public List<Certificate> of(long personId) {
        List<Certificate> certificates = held(personId);
        Set<UUID> certified = certificates.stream().map(c -> c.completionId).collect(Collectors.toSet());
        List<Uncertified> missing = completions.ofPerson(personId).stream()
                .filter(c -> !certified.contains(c.id))
                .map(c -> new Uncertified(c.id, c.moduleId))
                .toList();
        if (missing.isEmpty()) {
            return certificates;
        }
        for (Uncertified completion : missing) {
            issue(completion.id(), completion.moduleId());
        }
        return held(personId);
    }

    private List<Certificate> held(long personId) {
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
