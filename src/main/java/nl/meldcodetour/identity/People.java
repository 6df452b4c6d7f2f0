/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.core.db.SqlRow;

/** What other features may ask about stored people. */
@ApplicationScoped
public class People {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    /**
     * The person who owns this e-mail address according to their identity provider (their last login said
     * {@code email_verified}); empty when nobody does, or when more than one stored person does (then the first of them
     * to log in again claims it). An invitation for the address binds to this person right away.
     */
    public Optional<Long> verifiedOwner(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        List<Long> ids = SqlRow.list(
                em.createNativeQuery("SELECT id FROM person WHERE lower(email) = lower(?1) AND email_verified LIMIT 2")
                        .setParameter(1, email.strip()),
                r -> r.longValue(0));
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    /** The name a person goes by: their display name, else their e-mail address; empty when neither is known. */
    public Optional<String> name(long personId) {
        return SqlRow.first(
                        em.createNativeQuery(
                                        "SELECT coalesce(nullif(display_name, ''), email) FROM person WHERE id = ?1")
                                .setParameter(1, personId),
                        r -> r.string(0))
                .filter(n -> n != null && !n.isBlank());
    }

    /** How a person is named to others (display name, else e-mail address, else subject), and their e-mail address. */
    public record Contact(long id, String name, String email) {}

    /** The contacts of these people, in the order of their names (ignoring case), then id; unknown ids are left out. */
    public List<Contact> contacts(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        select p.id, coalesce(p.displayName, p.email, p.subject), p.email from Person p
                        where p.id in :ids order by lower(coalesce(p.displayName, p.email, p.subject)), p.id""", Contact.class).setParameter("ids", ids).getResultList();
    }

    /**
     * Sets whether a person wants the reminder mails (their own choice, in their personal-data export and the logboek's
     * tab of own actions); returns whether it changed.
     */
    @Transactional
    public boolean chooseMailOptOut(long personId, boolean optOut) {
        Person me = Person.findById(personId);
        if (me == null || me.mailOptOut == optOut) {
            return false;
        }
        me.mailOptOut = optOut;
        audit.recordOwn(me.id, "MAIL_PREFERENCE", "person", me.id, optOut ? "herinneringen uit" : "herinneringen aan");
        return true;
    }
}
