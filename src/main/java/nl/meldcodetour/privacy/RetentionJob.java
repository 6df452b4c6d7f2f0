/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import nl.meldcodetour.core.db.SqlRow;
import org.jboss.logging.Logger;

/**
 * Retention (AVG: opslagbeperking). Every night, training records older than {@code meldcodetour.retention.years}
 * (default 5) are deleted, and people not seen for that long are erased ({@link PersonalData#erase}). CSV previews
 * (names and e-mail addresses of colleagues) have a job of their own that runs every 15 minutes
 * ({@code CsvImportService.purgePreviews}). Runs on every instance; a transaction-level advisory lock lets one do the
 * work.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    private static final long LOCK = 0x6d63745f72657431L; // "mct_ret1"

    @Inject
    EntityManager em;

    @Inject
    PersonalData personalData;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    MeldcodetourConfig config;

    @Scheduled(cron = "${meldcodetour.retention.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        if (config.retention().enabled()) {
            Map<String, Integer> purged = purge(LocalDate.now(clock));
            LOG.infof("Retention (%d years): %s", config.retention().years(), purged);
        }
    }

    /** Deletes what is older than the retention period on {@code today}; returns the rows removed per kind. */
    @Transactional
    public Map<String, Integer> purge(LocalDate today) {
        Map<String, Integer> purged = new LinkedHashMap<>();
        boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK)
                .getSingleResult();
        if (!mine) {
            return purged;
        }
        LocalDate cutoff = today.minusYears(config.retention().years());
        purged.put(
                "certificaten",
                update(
                        "DELETE FROM certificate c USING completion k WHERE k.id = c.completion_id AND k.completed_at < CAST(?1 AS date)",
                        cutoff));
        purged.put("afgerond", update("DELETE FROM completion WHERE completed_at < CAST(?1 AS date)", cutoff));
        purged.put("toetspogingen", update("""
                DELETE FROM quiz_attempt a WHERE a.started_at < CAST(?1 AS date)
                AND NOT EXISTS (SELECT 1 FROM completion c WHERE c.attempt_id = a.id)""", cutoff));
        purged.put("voortgang", update("DELETE FROM module_progress WHERE updated_at < CAST(?1 AS date)", cutoff));
        purged.put("gelezen pagina's", update("DELETE FROM page_view WHERE viewed_at < CAST(?1 AS date)", cutoff));
        purged.put(
                "toetsblokkades opgeheven",
                update("DELETE FROM quiz_gate_lift WHERE lifted_at < CAST(?1 AS date)", cutoff));
        purged.put("aanmeldingen", update("""
                DELETE FROM session_registration r USING tour_session s WHERE s.id = r.session_id AND s.ends_at < CAST(?1 AS date)""", cutoff));
        purged.put(
                "herinneringsverzoeken",
                update("DELETE FROM reminder_request WHERE requested_at < CAST(?1 AS date)", cutoff));
        purged.put("emails", update("DELETE FROM mail_outbox WHERE created_at < CAST(?1 AS date)", cutoff));
        purged.put("dienstverbanden", update("""
                DELETE FROM employment e WHERE e.end_date < CAST(?1 AS date)
                AND NOT EXISTS (SELECT 1 FROM reminder_request r WHERE r.employment_id = e.id)""", cutoff));
        purged.put("logboek", update("DELETE FROM audit_log WHERE at < CAST(?1 AS date)", cutoff));
        List<Long> inactive = SqlRow.list(
                em.createNativeQuery("""
                SELECT id FROM person WHERE last_seen_at < CAST(?1 AS date) AND coalesce(email, '') NOT LIKE '%@' || ?2 ORDER BY id LIMIT 10000""").setParameter(1, cutoff).setParameter(2, PersonalData.PSEUDONYM_DOMAIN),
                r -> r.longValue(0));
        int erased = 0;
        for (long id : inactive) {
            erased += personalData.erase(
                            id,
                            "bewaartermijn",
                            "langer dan " + config.retention().years() + " jaar niet gezien")
                    ? 1
                    : 0;
        }
        purged.put("personen", erased);
        audit.record("bewaartermijn", "PURGE", "retention", today, purged.toString());
        return purged;
    }

    private int update(String sql, Object param) {
        return em.createNativeQuery(sql).setParameter(1, param).executeUpdate();
    }
}
