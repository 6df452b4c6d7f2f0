/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * The open "herinnering sturen" requests ({@code reminder_request}, this feature's table), for the reminder planner of
 * {@code notifications}: it drops those of deactivated organisations and claims the others to mail them. Each call is
 * one set-based statement over all open requests (docs/architecture.md, "Tables and their owners").
 */
@ApplicationScoped
public class ReminderRequests {

    /** A claimed request: who gets the mail (the colleague's job), about which module, and the day it was asked. */
    public record Claimed(long id, Long personId, String email, String name, String moduleId, LocalDate requestedOn) {}

    @Inject
    EntityManager em;

    /**
     * Deletes the open requests for staff of a deactivated organisation: such an organisation gets no mail about its
     * staff, also not when it is activated again later; the audit log keeps who asked. Returns how many went.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int dropForDeactivatedOrganisations() {
        return em.createNativeQuery("""
                DELETE FROM reminder_request r USING employment e JOIN organisation o ON o.id = e.organisation_id
                WHERE r.sent_at IS NULL AND e.id = r.employment_id AND NOT o.active""").executeUpdate();
    }

    /** Marks every open request of an active organisation sent (now) and returns them, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Claimed> claimOpen() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                UPDATE reminder_request r SET sent_at = now() FROM employment e JOIN organisation o ON o.id = e.organisation_id
                WHERE r.sent_at IS NULL AND e.id = r.employment_id AND o.active
                RETURNING r.id, e.person_id, lower(e.email), e.name, r.module_id,
                          CAST((r.requested_at AT TIME ZONE 'Europe/Amsterdam') AS date)""").getResultList();
        return rows.stream()
                .map(r -> new Claimed(
                        ((Number) r[0]).longValue(),
                        r[1] == null ? null : ((Number) r[1]).longValue(),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        localDate(r[5])))
                .toList();
    }

    /** Whether request {@code id} is for staff of an organisation that is deactivated now (false if it is unknown). */
    public boolean ofDeactivatedOrganisation(long id) {
        return !em.createNativeQuery("""
                SELECT 1 FROM reminder_request r JOIN employment e ON e.id = r.employment_id
                JOIN organisation o ON o.id = e.organisation_id WHERE r.id = ?1 AND NOT o.active""").setParameter(1, id).getResultList().isEmpty();
    }

    static LocalDate localDate(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        return o instanceof Date d ? d.toLocalDate() : LocalDate.parse(o.toString());
    }
}
