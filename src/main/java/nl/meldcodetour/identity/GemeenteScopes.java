/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.MissingException;
import nl.meldcodetour.core.config.MeldcodetourConfig;

/**
 * The gemeenten a person is bound to for the gemeente scope (docs/security.md, "Gemeente scope"): those in the token's
 * gemeente claim together with those the beheerder set ({@code gemeente_scope}, by subject). Only the installation's
 * gemeenten ({@code meldcodetour.region.gemeenten}) count, in the installation's spelling.
 */
@ApplicationScoped
public class GemeenteScopes {

    @Inject
    EntityManager em;

    @Inject
    MeldcodetourConfig config;

    @Inject
    AuditLog audit;

    /** What the beheerder set for a person, and the installation's gemeenten to choose from. */
    public record Binding(long personId, List<String> gemeenten, List<String> installation) {}

    /** The request to replace what the beheerder set for a person. */
    public record BindingRequest(List<String> gemeenten) {}

    /** The installation's gemeenten, in their configured spelling and order. */
    public List<String> installation() {
        return config.region().gemeenten().stream().map(String::strip).toList();
    }

    /** The installation's gemeenten among {@code asked} (case ignored), in the installation's spelling and order. */
    public List<String> ofInstallation(Collection<String> asked) {
        List<String> lower =
                asked.stream().map(g -> g.strip().toLowerCase(Locale.ROOT)).toList();
        return installation().stream()
                .filter(g -> lower.contains(g.toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** The claim's gemeenten and the beheerder's, of the installation. */
    public List<String> of(String subject, List<String> claimed) {
        List<String> all = new ArrayList<>(claimed);
        all.addAll(granted(subject));
        return ofInstallation(all);
    }

    /** For the beheerder: what they set for this person (not the claim, which only the identity provider knows). */
    public Binding binding(long personId) {
        return new Binding(personId, ofInstallation(granted(subjectOf(personId))), installation());
    }

    /** Replaces what the beheerder set for this person; a gemeente outside the installation is refused (400). */
    @Transactional
    public Binding bind(long personId, List<String> gemeenten, String actor) {
        String subject = subjectOf(personId);
        List<String> asked = gemeenten == null
                ? List.of()
                : gemeenten.stream().filter(g -> g != null).toList();
        List<String> known = ofInstallation(asked);
        if (known.size()
                != asked.stream()
                        .map(g -> g.strip().toLowerCase(Locale.ROOT))
                        .distinct()
                        .count()) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(
                    "gemeenten",
                    "Kies alleen gemeenten van deze installatie: " + String.join(", ", installation()) + ".");
            throw new InvalidInputException(errors);
        }
        em.createNativeQuery("DELETE FROM gemeente_scope WHERE subject = ?1")
                .setParameter(1, subject)
                .executeUpdate();
        for (String g : known) {
            em.createNativeQuery("INSERT INTO gemeente_scope (subject, gemeente, granted_by) VALUES (?1, ?2, ?3)")
                    .setParameter(1, subject)
                    .setParameter(2, g)
                    .setParameter(3, actor)
                    .executeUpdate();
        }
        audit.record(
                actor,
                "GEMEENTE_SCOPE",
                "person",
                personId,
                known.isEmpty() ? "aan geen gemeente gekoppeld" : "gekoppeld aan " + String.join(", ", known));
        return new Binding(personId, known, installation());
    }

    @SuppressWarnings("unchecked")
    private List<String> granted(String subject) {
        return em.createNativeQuery("SELECT gemeente FROM gemeente_scope WHERE subject = ?1", String.class)
                .setParameter(1, subject)
                .getResultList();
    }

    private String subjectOf(long personId) {
        Person p = Person.findById(personId);
        if (p == null) {
            throw new MissingException();
        }
        return p.subject;
    }
}
