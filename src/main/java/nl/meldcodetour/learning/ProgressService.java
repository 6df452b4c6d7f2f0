/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.meldcodetour.core.db.SqlRow;

/** Remembers which page of a module someone read last and how far they got. */
@ApplicationScoped
public class ProgressService {

    /** How far someone is in a module: last page read and the furthest page reached (0 = started, no page yet). */
    public record Progress(int lastPage, int furthestPage) {}

    @Inject
    EntityManager em;

    /** Records that the person opened a page: progress and, per page, when it was last read (one statement). */
    @Transactional
    public void pageRead(long personId, String moduleId, int page) {
        em.createNativeQuery("""
                WITH viewed AS (
                    INSERT INTO page_view (person_id, module_id, page, viewed_at) VALUES (:p, :m, :page, now())
                    ON CONFLICT (person_id, module_id, page) DO UPDATE SET viewed_at = EXCLUDED.viewed_at)
                INSERT INTO module_progress (person_id, module_id, last_page, furthest_page, started_at, updated_at)
                VALUES (:p, :m, :page, :page, now(), now())
                ON CONFLICT (person_id, module_id) DO UPDATE SET
                    last_page = EXCLUDED.last_page,
                    furthest_page = GREATEST(module_progress.furthest_page, EXCLUDED.furthest_page),
                    updated_at = now()
                """)
                .setParameter("p", personId)
                .setParameter("m", moduleId)
                .setParameter("page", page)
                .executeUpdate();
    }

    /**
     * The pages of a module among {@code pages} that the person has not opened since {@code since}, in page order. The
     * quiz's retry gate asks this for the pages that explain a failed attempt's wrong answers.
     */
    public List<Integer> notReadSince(long personId, String moduleId, Collection<Integer> pages, Instant since) {
        if (pages.isEmpty()) {
            return List.of();
        }
        Set<Integer> done = new HashSet<>(SqlRow.list(
                em.createNativeQuery("""
                SELECT page FROM page_view WHERE person_id = :p AND module_id = :m AND viewed_at >= :since""")
                        .setParameter("p", personId)
                        .setParameter("m", moduleId)
                        .setParameter("since", since.atOffset(ZoneOffset.UTC)),
                r -> r.intValue(0)));
        return pages.stream().filter(p -> !done.contains(p)).distinct().sorted().toList();
    }

    /** Marks a module as started without moving the page (e.g. when someone goes straight to the quiz). */
    @Transactional
    public void started(long personId, String moduleId) {
        em.createNativeQuery("""
                INSERT INTO module_progress (person_id, module_id, last_page, furthest_page, started_at, updated_at)
                VALUES (:p, :m, 0, 0, now(), now())
                ON CONFLICT (person_id, module_id) DO NOTHING
                """)
                .setParameter("p", personId)
                .setParameter("m", moduleId)
                .executeUpdate();
    }

    /** Per person, the modules they began (opened a page or the quiz), for all these people in one statement. */
    public Map<Long, Set<String>> begun(Collection<Long> personIds) {
        Map<Long, Set<String>> result = new HashMap<>();
        if (personIds.isEmpty()) {
            return result;
        }
        SqlRow.list(
                        em.createNativeQuery(
                                        "SELECT person_id, module_id FROM module_progress WHERE person_id = ANY(?1)")
                                .setParameter(1, personIds.stream().distinct().toArray(Long[]::new)),
                        r -> Map.entry(r.longValue(0), r.string(1)))
                .forEach(e ->
                        result.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return result;
    }
}
