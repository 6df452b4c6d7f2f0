/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import nl.meldcodetour.team.ReminderRequests;

/**
 * Plans reminder mails into {@code mail_outbox}. Idempotent: the unique key (recipient, kind, subject, due date)
 * turns a second planning run — on this or another instance, now or after a crash — into a no-op. Reminders whose
 * day was missed (downtime) are still planned for up to {@link #CATCH_UP_DAYS} days, never older ones.
 *
 * <ul>
 * <li>{@code expiry-60}, {@code expiry-14}: 60 and 14 days before the last valid day of someone's latest pass of a
 * module (optional: not for people who opted out);</li>
 * <li>{@code expired}: the day after the last valid day (mandatory);</li>
 * <li>{@code requested}: an aandachtsfunctionaris pressed "herinnering sturen" (mandatory);</li>
 * <li>{@code af-digest}: on Mondays, to each active aandachtsfunctionaris, the colleagues due within 60 days or
 * overdue (optional).</li>
 * </ul>
 * A deactivated organisation goes quiet: no digest to its aandachtsfunctionarissen, and its staff's open requests are
 * dropped instead of sent. {@link MailSender} checks again when it sends, for mails planned before the deactivation.
 * The expiry mails are about a person's own pass, not about an organisation, and still go.
 */
@ApplicationScoped
public class ReminderPlanner {

    static final int CATCH_UP_DAYS = 6;

    @Inject
    EntityManager em;

    @Inject
    ReminderRequests requests;

    @Inject
    ObjectMapper json;

    /** Plans everything due on {@code today}; returns the number of new mails. */
    @Transactional
    public int plan(LocalDate today) {
        int planned = 0;
        // set-based planning over all completions (learning) and people (identity): per-row API calls would be N
        // statements
        for (int days : new int[] {60, 14}) {
            planned += em.createNativeQuery("""
                    INSERT INTO mail_outbox (person_id, recipient, kind, subject_key, due_date, payload)
                    SELECT p.id, lower(p.email), ?1, c.module_id, c.valid_until - ?2,
                           jsonb_build_object('name', p.display_name, 'module', c.module_id, 'validUntil', c.valid_until)
                    FROM completion c JOIN person p ON p.id = c.person_id
                    WHERE c.valid_until - ?2 BETWEEN ?3 AND ?4 AND p.email IS NOT NULL AND NOT p.mail_opt_out
                      AND NOT EXISTS (SELECT 1 FROM completion n WHERE n.person_id = c.person_id AND n.module_id = c.module_id
                                      AND n.valid_until > c.valid_until)
                    ON CONFLICT DO NOTHING""")
                    .setParameter(1, "expiry-" + days)
                    .setParameter(2, days)
                    .setParameter(3, today.minusDays(CATCH_UP_DAYS))
                    .setParameter(4, today)
                    .executeUpdate();
        }
        planned += em.createNativeQuery("""
                INSERT INTO mail_outbox (person_id, recipient, kind, subject_key, due_date, payload)
                SELECT p.id, lower(p.email), 'expired', c.module_id, c.valid_until + 1,
                       jsonb_build_object('name', p.display_name, 'module', c.module_id, 'validUntil', c.valid_until)
                FROM completion c JOIN person p ON p.id = c.person_id
                WHERE c.valid_until + 1 BETWEEN ?1 AND ?2 AND p.email IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM completion n WHERE n.person_id = c.person_id AND n.module_id = c.module_id
                                  AND n.valid_until > c.valid_until)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, today.minusDays(CATCH_UP_DAYS))
                .setParameter(2, today)
                .executeUpdate();
        // a deactivated organisation gets no mail about its staff: its open requests are dropped, never sent
        requests.dropForDeactivatedOrganisations();
        planned += queueRequested(requests.claimOpen());
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // set-based planning over all aandachtsfunctionarissen and their staff: per-row calls would be N statements
        planned += em.createNativeQuery("""
                INSERT INTO mail_outbox (person_id, recipient, kind, subject_key, due_date, payload)
                SELECT a.person_id, lower(a.email), 'af-digest',
                       'organisation-' || a.organisation_id, ?1, jsonb_build_object('name', a.name, 'organisation', a.organisation_id)
                FROM aandachtsfunctionaris a JOIN organisation o ON o.id = a.organisation_id AND o.active
                WHERE a.start_date <= ?2 AND (a.end_date IS NULL OR a.end_date >= ?2)
                  AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = a.person_id AND p.mail_opt_out)
                  AND EXISTS (SELECT 1 FROM employment e JOIN completion c ON c.person_id = e.person_id
                              WHERE e.organisation_id = a.organisation_id AND (e.end_date IS NULL OR e.end_date >= ?2)
                                AND c.valid_until <= CAST(?2 AS date) + 60
                                AND NOT EXISTS (SELECT 1 FROM completion n WHERE n.person_id = c.person_id
                                                AND n.module_id = c.module_id AND n.valid_until > CAST(?2 AS date) + 60))
                ON CONFLICT DO NOTHING""")
                .setParameter(1, monday)
                .setParameter(2, today)
                .executeUpdate();
        return planned;
    }

    /** One mail per claimed request, in one statement (the requests as a JSON array); returns how many were queued. */
    private int queueRequested(List<ReminderRequests.Claimed> claimed) {
        if (claimed.isEmpty()) {
            return 0;
        }
        String rows;
        try {
            rows = json.writeValueAsString(claimed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return em.createNativeQuery("""
                INSERT INTO mail_outbox (person_id, recipient, kind, subject_key, due_date, payload)
                SELECT q."personId", q.email, 'requested', 'request-' || q.id, q."requestedOn",
                       jsonb_build_object('name', q.name, 'module', q."moduleId")
                FROM jsonb_to_recordset(CAST(?1 AS jsonb))
                     AS q(id bigint, "personId" bigint, email text, name text, "moduleId" text, "requestedOn" date)
                ON CONFLICT DO NOTHING""").setParameter(1, rows).executeUpdate();
    }
}
