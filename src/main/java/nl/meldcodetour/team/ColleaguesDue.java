/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import nl.meldcodetour.core.db.SqlRow;

/**
 * The colleagues of an organisation whose training is overdue or due within 60 days, for the weekly digest to its
 * aandachtsfunctionarissen ({@code notifications}): this feature's staff with learning's completions, one statement.
 */
@ApplicationScoped
public class ColleaguesDue {

    /** A colleague's name, the module and the last valid day of their newest pass of it. */
    public record Due(String name, String moduleId, LocalDate until) {}

    @Inject
    EntityManager em;

    /** At most 100, the soonest (or longest overdue) first, of the staff employed on {@code day}. */
    public List<Due> of(long organisationId, LocalDate day) {
        // SQL: documented cross-feature read of learning's completion (team r), one statement per digest
        return SqlRow.list(
                em.createNativeQuery("""
                SELECT e.name, c.module_id, max(c.valid_until) AS until
                FROM employment e JOIN completion c ON c.person_id = e.person_id
                WHERE e.organisation_id = ?1 AND (e.end_date IS NULL OR e.end_date >= ?2)
                GROUP BY e.name, c.module_id HAVING max(c.valid_until) <= CAST(?2 AS date) + 60
                ORDER BY until, e.name LIMIT 100""").setParameter(1, organisationId).setParameter(2, day),
                r -> new Due(r.string(0), r.string(1), r.date(2)));
    }
}
