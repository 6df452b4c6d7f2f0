/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.core.db.SqlRow;
import org.hibernate.Session;

/**
 * Append-only log of who changed or viewed what. Written in the caller's transaction, so it commits with the change.
 * The actor is always the subject of the person who acted ({@code person.subject}), or the name of a job
 * ({@code bewaartermijn}); reading turns it into the person's name and each row into a Dutch sentence
 * ({@link AuditText}).
 */
@ApplicationScoped
public class AuditLog {

    /**
     * One logged action. The first seven fields are the stored row (the API has always answered them); the others are
     * read for people: the actor's name when the actor is a known person (else the stored actor), the kind of action
     * and a sentence in Dutch, the changes of an update one per line, and the organisation the row is about, if any.
     */
    public record Entry(
            long id,
            Instant at,
            String actor,
            String action,
            String objectType,
            String objectId,
            String details,
            String actorName,
            String actionLabel,
            String description,
            List<String> changes,
            Long organisationId,
            String organisationName) {}

    /**
     * What to read; every part is optional (null or empty: no filter). {@code actions} keeps only those actions,
     * {@code excludedActions} leaves those out, {@code organisationIds} keeps the rows about those organisations (the
     * organisation itself, its staff and team, its aandachtsfunctionarissen and its colleagues' jobs).
     */
    public record Query(
            String objectType,
            String objectId,
            Set<String> actions,
            Set<String> excludedActions,
            List<Long> organisationIds) {
        public static final Query ALL = new Query(null, null, null, null, null);
    }

    @Inject
    EntityManager em;

    @Inject
    ContentService content;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String objectType, Object objectId, String details) {
        em.createNativeQuery(
                        "INSERT INTO audit_log (actor, action, object_type, object_id, details) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, actor)
                .setParameter(2, action)
                .setParameter(3, objectType)
                .setParameter(4, String.valueOf(objectId))
                .setParameter(5, details)
                .executeUpdate();
    }

    /**
     * Logs the same action on many objects (a CSV import's new organisations) in one statement, in the caller's
     * transaction: a row per object id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(String actor, String action, String objectType, Collection<?> objectIds, String details) {
        if (objectIds.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement("""
                    INSERT INTO audit_log (actor, action, object_type, object_id, details)
                    SELECT ?, ?, ?, id, ? FROM unnest(?::varchar[]) AS id""")) {
                insert.setString(1, actor);
                insert.setString(2, action);
                insert.setString(3, objectType);
                insert.setString(4, details);
                insert.setArray(
                        5,
                        connection.createArrayOf(
                                "varchar",
                                objectIds.stream().map(String::valueOf).toArray()));
                insert.executeUpdate();
            }
        });
    }

    /**
     * Logs something a person did with their own record (a session registration, an e-mail choice): the actor is the
     * person's subject, read in the same statement, so the row is in their personal-data export
     * ({@code privacy.PersonalData}) and moves to the pseudonym when they are erased.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordOwn(long personId, String action, String objectType, Object objectId, String details) {
        em.createNativeQuery("""
                INSERT INTO audit_log (actor, action, object_type, object_id, details)
                SELECT subject, ?2, ?3, ?4, ?5 FROM person WHERE id = ?1""")
                .setParameter(1, personId)
                .setParameter(2, action)
                .setParameter(3, objectType)
                .setParameter(4, String.valueOf(objectId))
                .setParameter(5, details)
                .executeUpdate();
    }

    /** Newest first; {@code objectType}/{@code objectId} filter when given. */
    public List<Entry> recent(String objectType, String objectId, int offset, int limit) {
        return search(new Query(objectType, objectId, null, null, null), offset, limit);
    }

    /**
     * The rows that match, newest first, with the names needed to describe them: one statement, which first takes the
     * page of rows (by the {@code at} or the {@code object_type, object_id} index) and only then looks up the actor,
     * the organisation, the person, colleague or aandachtsfunctionaris and the session each row is about. Read from
     * their owners' tables here: those features log through audit (a call back would be a cycle), and a call per row
     * would be N statements (docs/architecture.md, "Tables and their owners").
     */
    public List<Entry> search(Query query, int offset, int limit) {
        if (query.organisationIds() != null && query.organisationIds().isEmpty()) {
            return List.of(); // an organisation filter that matched no organisation
        }
        return SqlRow.list(
                em.createNativeQuery("""
                WITH page AS (
                    SELECT l.id, l.at, l.actor, l.action, l.object_type, l.object_id, l.details,
                           CASE WHEN l.object_id ~ '^[0-9]{1,18}$' THEN CAST(l.object_id AS bigint) END AS num
                    FROM audit_log l
                    WHERE (CAST(?1 AS text) IS NULL OR l.object_type = ?1)
                      AND (CAST(?2 AS text) IS NULL OR l.object_id = ?2)
                      AND (CAST(?3 AS text) IS NULL OR l.action = ANY(string_to_array(?3, ',')))
                      AND (CAST(?4 AS text) IS NULL OR l.action <> ALL(string_to_array(?4, ',')))
                      AND (CAST(?5 AS text) IS NULL
                           OR (l.object_type IN ('organisation', 'staff', 'team', 'aandachtsfunctionaris-training')
                               AND l.object_id = ANY(string_to_array(?5, ',')))
                           OR (l.object_type = 'aandachtsfunctionaris' AND l.object_id IN (
                               SELECT CAST(a.id AS text) FROM aandachtsfunctionaris a
                               WHERE a.organisation_id = ANY(CAST(string_to_array(?5, ',') AS bigint[]))))
                           OR (l.object_type = 'employment' AND l.object_id IN (
                               SELECT CAST(e.id AS text) FROM employment e
                               WHERE e.organisation_id = ANY(CAST(string_to_array(?5, ',') AS bigint[])))))
                    ORDER BY l.at DESC, l.id DESC OFFSET ?6 LIMIT ?7)
                SELECT p.id, p.at, p.actor, p.action, p.object_type, p.object_id, p.details,
                       who.id IS NOT NULL, who.display_name,
                       org.id, org.name,
                       coalesce(af.name, e.name), person.id IS NOT NULL, person.display_name, s.title
                FROM page p
                LEFT JOIN person who ON who.subject = p.actor
                LEFT JOIN aandachtsfunctionaris af ON p.object_type = 'aandachtsfunctionaris' AND af.id = p.num
                LEFT JOIN employment e ON p.object_type = 'employment' AND e.id = p.num
                LEFT JOIN organisation org ON org.id = CASE
                    WHEN p.object_type IN ('organisation', 'staff', 'team', 'aandachtsfunctionaris-training') THEN p.num
                    WHEN p.object_type = 'aandachtsfunctionaris' THEN af.organisation_id
                    WHEN p.object_type = 'employment' THEN e.organisation_id END
                LEFT JOIN person ON p.object_type = 'person' AND person.id = p.num
                LEFT JOIN tour_session s ON p.object_type IN ('session', 'session-attendees') AND s.id = p.num
                ORDER BY p.at DESC, p.id DESC
                """)
                        .setParameter(1, query.objectType())
                        .setParameter(2, query.objectId())
                        .setParameter(3, joined(query.actions()))
                        .setParameter(4, joined(query.excludedActions()))
                        .setParameter(
                                5,
                                query.organisationIds() == null
                                        ? null
                                        : query.organisationIds().stream()
                                                .map(String::valueOf)
                                                .collect(Collectors.joining(",")))
                        .setParameter(6, offset)
                        .setParameter(7, limit),
                this::entry);
    }

    private Entry entry(SqlRow r) {
        AuditText.Row row = new AuditText.Row(
                r.string(3),
                r.string(4),
                r.string(5),
                r.string(6),
                AuditText.actorName(r.string(2), Boolean.TRUE.equals(r.bool(7)), r.string(8)),
                r.string(10),
                r.string(11),
                Boolean.TRUE.equals(r.bool(12)),
                r.string(13),
                r.string(14));
        AuditText.Description d = AuditText.describe(row, content.catalog());
        return new Entry(
                r.longValue(0),
                r.instant(1),
                r.string(2),
                r.string(3),
                r.string(4),
                r.string(5),
                r.string(6),
                row.actorName(),
                AuditText.label(row.action()),
                d.sentence(),
                d.changes(),
                r.longOrNull(9),
                r.string(10));
    }

    private static String joined(Set<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    /**
     * The organisations with {@code part} in their name, at most {@code max}, for the logboek's filter. Read here, like
     * the organisation names in {@link #search}, so that audit needs no Java API of registry (which logs through audit).
     */
    public List<Long> organisationsNamed(String part, int max) {
        return SqlRow.list(em.createNativeQuery("""
                SELECT id FROM organisation WHERE strpos(lower(name), lower(?1)) > 0 ORDER BY lower(name), id LIMIT ?2""").setParameter(1, part).setParameter(2, max), r -> r.longValue(0));
    }

    /** The name of an organisation for the logboek's heading ("organisatie 12" if it does not exist). */
    public String organisationName(long id) {
        return SqlRow.first(
                        em.createNativeQuery("SELECT name FROM organisation WHERE id = ?1")
                                .setParameter(1, id),
                        r -> r.string(0))
                .orElse("organisatie " + id);
    }
}
