/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.audit.AuditText;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import nl.meldcodetour.core.db.SqlRow;
import nl.meldcodetour.quiz.QuizService;

/**
 * Everything Meldcodetour holds about one person (AVG article 15: inzage), and erasing it (article 17). Erasure
 * pseudonymises instead of deleting training records: the person's name, e-mail address, identity-provider subject and
 * organisation go; what remains (sector, completions, attempts) belongs to a pseudonym that nobody can trace back,
 * so the municipal coverage figures (#5) stay exactly the same. Certificates, which print the name, are deleted.
 * See docs/privacy.md for every field.
 */
@ApplicationScoped
public class PersonalData {

    /** The domain of pseudonymous e-mail addresses: reserved (RFC 2606), so never deliverable. */
    public static final String PSEUDONYM_DOMAIN = "verwijderd.invalid";

    static final String ERASED_NAME = "Verwijderde persoon";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    QuizService quiz;

    @Inject
    MeldcodetourConfig config;

    /** A person found by e-mail address, for the beheerder's erase page. */
    public record PersonSummary(
            long id, String name, String email, String sector, Instant lastSeen, long completions) {}

    public List<PersonSummary> findByEmail(String email) {
        return SqlRow.list(em.createNativeQuery("""
                SELECT p.id, p.display_name, p.email, p.sector, p.last_seen_at, (SELECT count(*) FROM completion c WHERE c.person_id = p.id)
                FROM person p WHERE lower(p.email) = lower(?1) ORDER BY p.id LIMIT 20
                """).setParameter(1, email.strip()), PersonalData::summary);
    }

    public Optional<PersonSummary> find(long id) {
        return SqlRow.first(
                em.createNativeQuery("""
                SELECT p.id, p.display_name, p.email, p.sector, p.last_seen_at, (SELECT count(*) FROM completion c WHERE c.person_id = p.id)
                FROM person p WHERE p.id = ?1 AND coalesce(p.email, '') NOT LIKE '%@' || ?2
                """).setParameter(1, id).setParameter(2, PSEUDONYM_DOMAIN), PersonalData::summary);
    }

    /** A row of id, display name, e-mail, sector, last seen and number of completions. */
    private static PersonSummary summary(SqlRow r) {
        return new PersonSummary(r.longValue(0), r.string(1), r.string(2), r.string(3), r.instant(4), r.longValue(5));
    }

    /** The person row {@link #erase} locks. */
    private record Erasable(String subject, String email, String name, boolean verified) {}

    /** All data about the person, grouped per kind, as plain values (for JSON). */
    @Transactional
    public Map<String, Object> export(long personId) {
        Map<String, Object> person = rows(
                        "SELECT id, subject, display_name, email, email_verified, sector, organisation, mail_opt_out, "
                                + "created_at, last_seen_at FROM person WHERE id = ?1",
                        personId)
                .get(0);
        // everything below is found through the person's id (their subject), never through the e-mail address
        String subject = (String) person.get("subject");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "toelichting",
                "Alle gegevens die Meldcodetour over jou bewaart, op " + LocalDate.now() + ". "
                        + "Waarom we ze bewaren en hoe lang staat in de privacyverklaring: "
                        + config.publicUrl().replaceAll("/+$", "") + "/privacy");
        data.put("persoon", person);
        data.put("dienstverbanden", rows("""
                SELECT e.id, o.name AS organisatie, e.name, e.email, e.function_id, e.start_date, e.end_date, e.created_at
                FROM employment e JOIN organisation o ON o.id = e.organisation_id WHERE e.person_id = ?1 ORDER BY e.id""", personId));
        data.put("aandachtsfunctionaris", rows("""
                SELECT a.id, o.name AS organisatie, a.name, a.email, a.location, a.start_date, a.end_date
                FROM aandachtsfunctionaris a JOIN organisation o ON o.id = a.organisation_id WHERE a.person_id = ?1 ORDER BY a.id""", personId));
        data.put(
                "voortgang",
                rows(
                        "SELECT module_id, last_page, furthest_page, started_at, updated_at FROM module_progress WHERE person_id = ?1 ORDER BY module_id",
                        personId));
        data.put(
                "gelezen_paginas",
                rows(
                        "SELECT module_id, page, viewed_at FROM page_view WHERE person_id = ?1 ORDER BY module_id, page",
                        personId));
        // the quiz feature says what an attempt may show: an open one never its key (issue #27)
        data.put("toetspogingen", quiz.export(personId));
        data.put(
                "toetsblokkades_opgeheven",
                rows(
                        "SELECT module_id, lifted_at FROM quiz_gate_lift WHERE person_id = ?1 ORDER BY lifted_at",
                        personId));
        data.put(
                "afgerond",
                rows(
                        "SELECT id, module_id, attempt_id, content_version, score, completed_at, valid_until FROM completion WHERE person_id = ?1 ORDER BY completed_at",
                        personId));
        data.put(
                "certificaten",
                rows(
                        "SELECT id, code, holder_name, module_id, module_title, completed_on, valid_until, content_version, issuer, issued_at FROM certificate WHERE person_id = ?1 ORDER BY issued_at",
                        personId));
        data.put("bijeenkomsten", rows("""
                SELECT s.title, s.starts_at, s.place, r.status, r.registered_at, r.promoted_at, r.cancelled_at, r.attended
                FROM session_registration r JOIN tour_session s ON s.id = r.session_id WHERE r.person_id = ?1 ORDER BY s.starts_at""", personId));
        data.put("herinneringsverzoeken", rows("""
                SELECT r.module_id, r.requested_at, r.sent_at FROM reminder_request r JOIN employment e ON e.id = r.employment_id
                WHERE e.person_id = ?1 ORDER BY r.requested_at""", personId));
        data.put("gemeenten", rows("""
                SELECT gemeente, granted_at FROM gemeente_scope WHERE subject = ?1 ORDER BY gemeente""", subject));
        data.put("emails", rows("""
                SELECT kind, subject_key, due_date, created_at, sent_at FROM mail_outbox
                WHERE person_id = ?1 ORDER BY created_at""", personId));
        // what I did (every row is logged under the subject of whoever acted: a quiz handed in, a session, an e-mail
        // choice, and for an aandachtsfunctionaris or beheerder their work) and what was done to my account; with the
        // kind of action in Dutch, never the name of whoever else acted
        List<Map<String, Object>> log = rows("""
                SELECT at, action, object_type, object_id, details, actor = ?1 AS zelf_gedaan FROM audit_log
                WHERE actor = ?1 OR (object_type = 'person' AND object_id = ?2) ORDER BY at, id""", subject, String.valueOf(personId));
        log.forEach(row -> row.put("soort", AuditText.label((String) row.get("action"))));
        data.put("logboek", log);
        return data;
    }

    /**
     * Erases a person: returns false when there is nobody (left) to erase. Runs in one transaction, so it happens
     * completely or not at all.
     */
    @Transactional
    public boolean erase(long personId, String actor, String reason) {
        Optional<Erasable> found = SqlRow.first(
                em.createNativeQuery(
                                "SELECT subject, email, display_name, email_verified FROM person WHERE id = ?1 FOR UPDATE")
                        .setParameter(1, personId),
                r -> new Erasable(r.string(0), r.string(1), r.string(2), Boolean.TRUE.equals(r.bool(3))));
        if (found.isEmpty()
                || (found.get().email() != null && found.get().email().endsWith("@" + PSEUDONYM_DOMAIN))) {
            return false;
        }
        String subject = found.get().subject();
        String email = found.get().email();
        String name = found.get().name();
        boolean verified = found.get().verified();
        String pseudonym = "verwijderd-" + randomId();
        String pseudonymEmail = pseudonym + "@" + PSEUDONYM_DOMAIN;
        // the registry's rows bound to this person keep linking to the (pseudonymised) person, so every count stays the
        // same; rows found by the address alone are someone else's or nobody's
        update(
                "UPDATE employment SET name = ?1, email = ?2 WHERE person_id = ?3",
                ERASED_NAME,
                pseudonymEmail,
                personId);
        update(
                "UPDATE aandachtsfunctionaris SET name = ?1, email = ?2, location = NULL WHERE person_id = ?3",
                ERASED_NAME,
                pseudonymEmail,
                personId);
        update("UPDATE tour_session SET trainer_email = NULL WHERE trainer_person_id = ?1", personId);
        if (email != null && verified) {
            // mails to the address that no person was bound to yet (a reminder to an unclaimed invitation)
            update("DELETE FROM mail_outbox WHERE lower(recipient) = lower(?1) AND person_id IS NULL", email);
        }
        update("DELETE FROM mail_outbox WHERE person_id = ?1", personId);
        update("DELETE FROM certificate WHERE person_id = ?1", personId);
        update("DELETE FROM csv_import WHERE created_by = ?1", subject);
        update("DELETE FROM gemeente_scope WHERE subject = ?1", subject);
        update("UPDATE gemeente_scope SET granted_by = ?1 WHERE granted_by = ?2", pseudonym, subject);
        update("UPDATE reminder_request SET requested_by = ?1 WHERE requested_by = ?2", pseudonym, subject);
        update(
                "UPDATE session_registration SET attendance_marked_by = ?1 WHERE attendance_marked_by = ?2",
                pseudonym,
                subject);
        update("UPDATE tour_session SET created_by = ?1 WHERE created_by = ?2", pseudonym, subject);
        update("UPDATE quiz_gate_lift SET lifted_by = ?1 WHERE lifted_by = ?2", pseudonym, subject);
        update("UPDATE audit_log SET actor = ?1 WHERE actor = ?2", pseudonym, subject);
        for (String value : new String[] {name, email}) {
            if (value != null && value.length() >= 3) {
                update(
                        "UPDATE audit_log SET details = replace(details, ?1, '[verwijderd]') WHERE strpos(details, ?1) > 0",
                        value);
            }
        }
        update(
                "UPDATE person SET subject = ?1, display_name = NULL, email = ?2, email_verified = false, organisation = NULL, mail_opt_out = true WHERE id = ?3",
                pseudonym,
                pseudonymEmail,
                personId);
        audit.record(
                actor,
                "ERASE",
                "person",
                personId,
                reason == null || reason.isBlank()
                        ? "persoonsgegevens verwijderd"
                        : "persoonsgegevens verwijderd: "
                                + reason.strip()
                                        .substring(
                                                0, Math.min(200, reason.strip().length())));
        return true;
    }

    private void update(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        q.executeUpdate();
    }

    private List<Map<String, Object>> rows(String sql, Object... params) {
        var q = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object result : q.getResultList()) {
            Tuple t = (Tuple) result;
            Map<String, Object> row = new LinkedHashMap<>();
            t.getElements().forEach(e -> row.put(e.getAlias(), plain(t.get(e))));
            rows.add(row);
        }
        return rows;
    }

    private static Object plain(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant().toString();
        }
        if (value instanceof TemporalAccessor || value instanceof UUID || value instanceof Date) {
            return value.toString();
        }
        if (value instanceof Object[] array) {
            return List.of(array);
        }
        return value;
    }

    private static String randomId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
    }
}
