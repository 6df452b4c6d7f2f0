/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;

/**
 * The mail outbox, for the features that have something to tell a person by e-mail: a row per person in
 * {@code mail_outbox} (this feature's table), which {@link MailSender} sends once, after the caller's transaction has
 * committed. The subject key makes a mail once per person: queuing it again changes nothing.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    /**
     * Queues a mail of {@code kind} (a kind {@link MailSender} can write) about {@code sessionId} for each of these
     * people who has an e-mail address, in the caller's transaction. Returns how many were queued now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int sessionNotice(String kind, String subjectKey, long sessionId, Collection<Long> personIds) {
        int queued = 0;
        for (long personId : personIds) {
            queued += em.createNativeQuery("""
                    INSERT INTO mail_outbox (person_id, recipient, kind, subject_key, due_date, payload)
                    SELECT p.id, lower(p.email), ?1, ?2, current_date, jsonb_build_object('name', p.display_name, 'session', ?3)
                    FROM person p WHERE p.id = ?4 AND p.email IS NOT NULL
                    ON CONFLICT DO NOTHING""")
                    .setParameter(1, kind)
                    .setParameter(2, subjectKey)
                    .setParameter(3, sessionId)
                    .setParameter(4, personId)
                    .executeUpdate();
        }
        return queued;
    }
}
