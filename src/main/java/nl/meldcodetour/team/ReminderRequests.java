/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import nl.meldcodetour.core.db.SqlRow;

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
        // SQL: set-based, one statement for all open requests (organisation: documented read, team r)
        return em.createNativeQuery("""
                DELETE FROM reminder_request r USING employment e JOIN organisation o ON o.id = e.organisation_id
                WHERE r.sent_at IS NULL AND e.id = r.employment_id AND NOT o.active""").executeUpdate();
    }

    /** Marks every open request of an active organisation sent (now) and returns them, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Claimed> claimOpen() {
        // SQL: set-based, one statement claims all open requests (organisation: documented read, team r)
        return SqlRow.list(
                em.createNativeQuery("""
                UPDATE reminder_request r SET sent_at = now() FROM employment e JOIN organisation o ON o.id = e.organisation_id
                WHERE r.sent_at IS NULL AND e.id = r.employment_id AND o.active
                RETURNING r.id, e.person_id, lower(e.email), e.name, r.module_id,
                          CAST((r.requested_at AT TIME ZONE 'Europe/Amsterdam') AS date)"""),
                r -> new Claimed(
                        r.longValue(0),
                        r.isNull(1) ? null : r.longValue(1),
                        r.string(2),
                        r.string(3),
                        r.string(4),
                        r.date(5)));
    }

    /** Whether request {@code id} is for staff of an organisation that is deactivated now (false if it is unknown). */
    public boolean ofDeactivatedOrganisation(long id) {
        // SQL: one statement per mail sent, from request to organisation (documented read, team r)
        return !em.createNativeQuery("""
                SELECT 1 FROM reminder_request r JOIN employment e ON e.id = r.employment_id
                JOIN organisation o ON o.id = e.organisation_id WHERE r.id = ?1 AND NOT o.active""").setParameter(1, id).getResultList().isEmpty();
    }
}
