package nl.meldcodetour.learning;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Remembers which page of a module someone read last and how far they got. */
@ApplicationScoped
public class ProgressService {

    /** How far someone is in a module: last page read and the furthest page reached (0 = started, no page yet). */
    public record Progress(int lastPage, int furthestPage) {
    }

    @Inject
    EntityManager em;

    @Transactional
    public void pageRead(long personId, String moduleId, int page) {
        em.createNativeQuery("""
                INSERT INTO module_progress (person_id, module_id, last_page, furthest_page, started_at, updated_at)
                VALUES (:p, :m, :page, :page, now(), now())
                ON CONFLICT (person_id, module_id) DO UPDATE SET
                    last_page = EXCLUDED.last_page,
                    furthest_page = GREATEST(module_progress.furthest_page, EXCLUDED.furthest_page),
                    updated_at = now()
                """).setParameter("p", personId).setParameter("m", moduleId).setParameter("page", page).executeUpdate();
    }

    /** Marks a module as started without moving the page (e.g. when someone goes straight to the quiz). */
    @Transactional
    public void started(long personId, String moduleId) {
        em.createNativeQuery("""
                INSERT INTO module_progress (person_id, module_id, last_page, furthest_page, started_at, updated_at)
                VALUES (:p, :m, 0, 0, now(), now())
                ON CONFLICT (person_id, module_id) DO NOTHING
                """).setParameter("p", personId).setParameter("m", moduleId).executeUpdate();
    }
}
