package nl.meldcodetour.audit;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Append-only log of who changed or viewed what. Written in the caller's transaction, so it commits with the change. */
@ApplicationScoped
public class AuditLog {

    /** One logged action. */
    public record Entry(long id, Instant at, String actor, String action, String objectType, String objectId, String details) {
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String objectType, Object objectId, String details) {
        em.createNativeQuery("INSERT INTO audit_log (actor, action, object_type, object_id, details) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, actor).setParameter(2, action).setParameter(3, objectType)
                .setParameter(4, String.valueOf(objectId)).setParameter(5, details).executeUpdate();
    }

    /** Newest first; {@code objectType}/{@code objectId} filter when given. */
    public List<Entry> recent(String objectType, String objectId, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, at, actor, action, object_type, object_id, details FROM audit_log
                WHERE (CAST(?1 AS text) IS NULL OR object_type = ?1) AND (CAST(?2 AS text) IS NULL OR object_id = ?2)
                ORDER BY at DESC, id DESC OFFSET ?3 LIMIT ?4
                """).setParameter(1, objectType).setParameter(2, objectId).setParameter(3, offset).setParameter(4, limit)
                .getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), toInstant(r[1]), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6])).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
