/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

/**
 * The SQL that turns registry and completion history into figures per reference date and organisation. Kept in one
 * place so the refresh, the national data generator and the tests use the very same rules.
 *
 * <p>Rules (also in docs/dashboard.md):
 * <ul>
 * <li>An organisation counts on a date from the earliest of its registration and its first employment or
 * aandachtsfunctionaris start, until its deactivation.</li>
 * <li>An employment or aandachtsfunctionaris is active on a date from its start date up to and including its end
 * date. An employment's passes are those of the person bound to it (by subject, after a verified login); an
 * employment nobody claimed yet has none.</li>
 * <li>A module's status on a date comes from the passes completed up to and including that date: none = never;
 * the best "valid until" before the date = expired; within 60 days = due; otherwise current.</li>
 * <li>All required modules together: never when every required module is never done; expired when at least one is
 * expired or never done; due when at least one is due; else current.</li>
 * </ul>
 */
final class CoverageSql {

    private CoverageSql() {}

    /** Parameters: 1 = reference dates (date[]), 2 = organisation ids (bigint[], null = all). */
    static final String COMPUTE = """
            INSERT INTO coverage_org (ref_date, module_id, organisation_id, sector, gemeente, area, postcode, obliged, has_af,
                                      professionals, current_count, due_count, expired_count, never_count)
            WITH d AS (SELECT DISTINCT unnest(?::date[]) AS ref_date),
            o AS (
                SELECT o.id, o.sector, o.gemeente, o.area, o.postcode, coalesce(s.obliged, true) AS obliged,
                       least(o.registered_on,
                             (SELECT min(e.start_date) FROM employment e WHERE e.organisation_id = o.id),
                             (SELECT min(a.start_date) FROM aandachtsfunctionaris a WHERE a.organisation_id = o.id)) AS since,
                       CASE WHEN o.active THEN NULL ELSE coalesce(o.deactivated_on, o.registered_on) END AS until
                FROM organisation o LEFT JOIN ref_sector s ON s.id = o.sector
                WHERE ?::bigint[] IS NULL OR o.id = ANY (?::bigint[])
            ),
            od AS (
                SELECT d.ref_date, o.*,
                       EXISTS (SELECT 1 FROM aandachtsfunctionaris a WHERE a.organisation_id = o.id
                               AND a.start_date <= d.ref_date AND (a.end_date IS NULL OR a.end_date >= d.ref_date)) AS has_af
                FROM o JOIN d ON o.since <= d.ref_date AND (o.until IS NULL OR o.until > d.ref_date)
            ),
            em AS (
                SELECT od.ref_date, od.id AS org_id, e.id AS eid, e.person_id, e.function_id
                FROM od JOIN employment e ON e.organisation_id = od.id
                     AND e.start_date <= od.ref_date AND (e.end_date IS NULL OR e.end_date >= od.ref_date)
            ),
            ms AS (
                SELECT em.ref_date, em.org_id, em.eid, r.module_id,
                       max(c.valid_until) FILTER (WHERE c.completed_at < (em.ref_date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') AS best
                FROM em
                JOIN ref_required_module r ON r.function_id IN (em.function_id, '*')
                LEFT JOIN completion c ON c.person_id = em.person_id AND c.module_id = r.module_id
                GROUP BY em.ref_date, em.org_id, em.eid, r.module_id
            ),
            mst AS (
                SELECT ref_date, org_id, eid, module_id,
                       CASE WHEN best IS NULL THEN 3 WHEN best < ref_date THEN 2 WHEN best - ref_date <= 60 THEN 1 ELSE 0 END AS status
                FROM ms
            ),
            est AS (
                SELECT ref_date, org_id, eid,
                       CASE WHEN min(status) = 3 THEN 3 WHEN max(status) >= 2 THEN 2 ELSE max(status) END AS status
                FROM mst GROUP BY ref_date, org_id, eid
            ),
            counts AS (
                SELECT ref_date, org_id, '*' AS module_id, count(*) AS professionals,
                       count(*) FILTER (WHERE status = 0) AS c0, count(*) FILTER (WHERE status = 1) AS c1,
                       count(*) FILTER (WHERE status = 2) AS c2, count(*) FILTER (WHERE status = 3) AS c3
                FROM est GROUP BY ref_date, org_id
                UNION ALL
                SELECT ref_date, org_id, module_id, count(*),
                       count(*) FILTER (WHERE status = 0), count(*) FILTER (WHERE status = 1),
                       count(*) FILTER (WHERE status = 2), count(*) FILTER (WHERE status = 3)
                FROM mst GROUP BY ref_date, org_id, module_id
            )
            SELECT od.ref_date, '*', od.id, od.sector, od.gemeente, od.area, od.postcode, od.obliged, od.has_af,
                   coalesce(c.professionals, 0), coalesce(c.c0, 0), coalesce(c.c1, 0), coalesce(c.c2, 0), coalesce(c.c3, 0)
            FROM od LEFT JOIN counts c ON c.ref_date = od.ref_date AND c.org_id = od.id AND c.module_id = '*'
            UNION ALL
            SELECT od.ref_date, c.module_id, od.id, od.sector, od.gemeente, od.area, od.postcode, od.obliged, od.has_af,
                   c.professionals, c.c0, c.c1, c.c2, c.c3
            FROM od JOIN counts c ON c.ref_date = od.ref_date AND c.org_id = od.id AND c.module_id <> '*'
            """;

    /**
     * The same rules as {@link #COMPUTE} for every organisation on one date (parameter 1, used nine times), shaped
     * for hash joins: passes are reduced to the best "valid until" per person and module first. About 30%
     * faster than COMPUTE at national scale; the tests compare both with hand-computed figures.
     */
    static final String COMPUTE_ALL = """
            INSERT INTO coverage_org (ref_date, module_id, organisation_id, sector, gemeente, area, postcode, obliged, has_af,
                                      professionals, current_count, due_count, expired_count, never_count)
            WITH d AS (SELECT ?::date AS ref_date),
            o AS (
                SELECT o.id, o.sector, o.gemeente, o.area, o.postcode, coalesce(s.obliged, true) AS obliged,
                       least(o.registered_on, e.first, a.first) AS since,
                       CASE WHEN o.active THEN NULL ELSE coalesce(o.deactivated_on, o.registered_on) END AS until
                FROM organisation o LEFT JOIN ref_sector s ON s.id = o.sector
                LEFT JOIN (SELECT organisation_id, min(start_date) AS first FROM employment GROUP BY 1) e ON e.organisation_id = o.id
                LEFT JOIN (SELECT organisation_id, min(start_date) AS first FROM aandachtsfunctionaris GROUP BY 1) a ON a.organisation_id = o.id
            ),
            af AS (
                SELECT DISTINCT a.organisation_id FROM aandachtsfunctionaris a, d
                WHERE a.start_date <= d.ref_date AND (a.end_date IS NULL OR a.end_date >= d.ref_date)
            ),
            od AS (
                SELECT d.ref_date, o.*, af.organisation_id IS NOT NULL AS has_af
                FROM o CROSS JOIN d LEFT JOIN af ON af.organisation_id = o.id
                WHERE o.since <= d.ref_date AND (o.until IS NULL OR o.until > d.ref_date)
            ),
            best AS (
                SELECT c.person_id, c.module_id, max(c.valid_until) AS best
                FROM completion c, d
                WHERE c.completed_at < (d.ref_date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'
                GROUP BY 1, 2
            ),
            em AS (
                SELECT od.ref_date, e.id AS eid, e.organisation_id AS org_id, e.person_id, e.function_id
                FROM employment e JOIN od ON od.id = e.organisation_id
                WHERE e.start_date <= od.ref_date AND (e.end_date IS NULL OR e.end_date >= od.ref_date)
            ),
            mst AS (
                SELECT em.org_id, em.eid, r.module_id,
                       CASE WHEN b.best IS NULL THEN 3 WHEN b.best < em.ref_date THEN 2 WHEN b.best - em.ref_date <= 60 THEN 1 ELSE 0 END AS status
                FROM em JOIN ref_required_module r ON r.function_id IN (em.function_id, '*')
                LEFT JOIN best b ON b.person_id = em.person_id AND b.module_id = r.module_id
            ),
            est AS (
                SELECT org_id, eid, CASE WHEN min(status) = 3 THEN 3 WHEN max(status) >= 2 THEN 2 ELSE max(status) END AS status
                FROM mst GROUP BY org_id, eid
            ),
            counts AS (
                SELECT org_id, '*' AS module_id, count(*) AS professionals,
                       count(*) FILTER (WHERE status = 0) AS c0, count(*) FILTER (WHERE status = 1) AS c1,
                       count(*) FILTER (WHERE status = 2) AS c2, count(*) FILTER (WHERE status = 3) AS c3
                FROM est GROUP BY org_id
                UNION ALL
                SELECT org_id, module_id, count(*),
                       count(*) FILTER (WHERE status = 0), count(*) FILTER (WHERE status = 1),
                       count(*) FILTER (WHERE status = 2), count(*) FILTER (WHERE status = 3)
                FROM mst GROUP BY org_id, module_id
            )
            SELECT od.ref_date, '*', od.id, od.sector, od.gemeente, od.area, od.postcode, od.obliged, od.has_af,
                   coalesce(c.professionals, 0), coalesce(c.c0, 0), coalesce(c.c1, 0), coalesce(c.c2, 0), coalesce(c.c3, 0)
            FROM od LEFT JOIN counts c ON c.org_id = od.id AND c.module_id = '*'
            UNION ALL
            SELECT od.ref_date, c.module_id, od.id, od.sector, od.gemeente, od.area, od.postcode, od.obliged, od.has_af,
                   c.professionals, c.c0, c.c1, c.c2, c.c3
            FROM od JOIN counts c ON c.org_id = od.id AND c.module_id <> '*'
            """;

    /** The rollup per sector and gemeente. Parameter 1: reference dates (date[], null = all); 2: gemeenten (text[], null = all). */
    static final String ROLLUP = """
            INSERT INTO coverage_rollup (ref_date, module_id, sector, gemeente, organisations, obliged_orgs, orgs_with_af,
                                         obliged_with_af, orgs_without_staff, professionals, current_count, due_count, expired_count, never_count)
            SELECT ref_date, module_id, sector, gemeente, count(*), count(*) FILTER (WHERE obliged),
                   count(*) FILTER (WHERE has_af), count(*) FILTER (WHERE obliged AND has_af), count(*) FILTER (WHERE professionals = 0),
                   sum(professionals), sum(current_count), sum(due_count), sum(expired_count), sum(never_count)
            FROM coverage_org
            WHERE (?::date[] IS NULL OR ref_date = ANY (?::date[])) AND (?::text[] IS NULL OR gemeente = ANY (?::text[]))
            GROUP BY ref_date, module_id, sector, gemeente
            """;
}
