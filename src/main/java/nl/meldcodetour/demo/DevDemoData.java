/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.db.SqlRow;
import nl.meldcodetour.learning.Validity;
import org.jboss.logging.Logger;

/**
 * Demo data for dev mode only (the bean does not exist in a production build). The demo users of the dev OIDC
 * server get a sector, and some have a pass so that every status shows: the aandachtsfunctionaris' pass expires
 * soon, the beheerder's has expired, the medewerker starts fresh. Runs again on every start; changes nothing twice.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevDemoData {

    private static final Logger LOG = Logger.getLogger(DevDemoData.class);

    @Inject
    EntityManager em;

    @Inject
    ContentService content;

    @Inject
    Clock clock;

    @Transactional
    void seed(@Observes StartupEvent event) {
        long medewerker = person("medewerker", "Sanne de Vries (demo)", "onderwijs");
        long af = person("aandachtsfunctionaris", "Pieter Bakker (demo)", "kinderopvang");
        person("gemeente", "Gemeente Noordoostpolder (demo)", null);
        person("gemeente-urk", "Gemeente Urk (demo)", null);
        person("regio", "Veilig Thuis Flevoland (demo)", null);
        long beheerder = person("beheerder", "Beheerder (demo)", null);
        long trainer = person("trainer", "Tamara Visser (demo-trainer)", null);
        person("redacteur", "Redacteur (demo)", null);
        Module core = content.catalog().modules().stream()
                .filter(Module::core)
                .findFirst()
                .orElseThrow();
        completion(
                af,
                core,
                LocalDate.now(clock).minusMonths(core.refresherMonths()).plusDays(30));
        completion(
                beheerder,
                core,
                LocalDate.now(clock).minusMonths(core.refresherMonths()).minusDays(20));
        seedRegistry();
        bindDemoRows();
        bindDemoGemeenten();
        seedSessions(trainer);
        LOG.infof(
                "Dev demo data ready (medewerker id %d). Log in as medewerker, aandachtsfunctionaris, gemeente, "
                        + "gemeente-urk, regio, beheerder, trainer or redacteur (Dev UI > OpenID Connect, or /inloggen).",
                medewerker);
    }

    /** A generated registry, once (only when the registry is empty); the demo AF user is AF of a kinderopvang. */
    private void seedRegistry() {
        Number existing = (Number)
                em.createNativeQuery("SELECT count(*) FROM organisation").getSingleResult();
        if (existing.longValue() > 0) {
            return;
        }
        for (var org : DemoRegistryGenerator.generate(42, 60, LocalDate.now(clock))) {
            Number id = (Number) em.createNativeQuery("""
                    INSERT INTO organisation (name, sector, gemeente, area, postcode, staff_count)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id""")
                    .setParameter(1, org.name())
                    .setParameter(2, org.sector())
                    .setParameter(3, org.gemeente())
                    .setParameter(4, org.area())
                    .setParameter(5, org.postcode())
                    .setParameter(6, org.staff())
                    .getSingleResult();
            for (var af : org.afs()) {
                insertAf(id.longValue(), af.name(), af.email(), af.start(), af.end());
            }
        }
        Number kinderopvang = (Number)
                em.createNativeQuery("SELECT id FROM organisation WHERE sector = 'kinderopvang' ORDER BY id LIMIT 1")
                        .getSingleResult();
        // The dev OIDC server gives the demo user the e-mail address <name>@example.com.
        insertAf(
                kinderopvang.longValue(),
                "Pieter Bakker (demo)",
                "aandachtsfunctionaris@example.com",
                LocalDate.now(clock).minusYears(2),
                null);
        seedTeam(kinderopvang.longValue());
        seedStaff(kinderopvang.longValue());
    }

    /**
     * Staff with a few years of training history for every other demo organisation, so that the municipal dashboard
     * (/dekking) shows real figures and a trend. Generated in SQL with a fixed seed.
     */
    private void seedStaff(long exceptOrganisation) {
        em.createNativeQuery("SELECT setseed(0.42)").getSingleResult();
        em.createNativeQuery("UPDATE organisation SET registered_on = current_date - (200 + (id * 37) % 1100)::int")
                .executeUpdate();
        em.createNativeQuery("""
                INSERT INTO person (subject, display_name, email)
                SELECT 'demo-prof-' || o.id || '-' || g, 'Professional ' || o.id || '-' || g || ' (demo)',
                       'demo-prof-' || o.id || '-' || g || '@demo.example.org'
                FROM organisation o, generate_series(1, 5 + (o.id * 13) % 30) g WHERE o.id <> ?1""").setParameter(1, exceptOrganisation).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO employment (organisation_id, name, email, person_id, function_id, start_date, end_date)
                SELECT o.id, p.display_name, p.email, p.id, f.function_id,
                       least(current_date - 30, o.registered_on + (random() * 400)::int) AS start,
                       CASE WHEN random() < 0.08 THEN current_date - (random() * 25)::int END
                FROM person p
                JOIN organisation o ON p.subject LIKE 'demo-prof-' || o.id || '-%'
                JOIN (VALUES ('onderwijs', 'leerkracht'), ('kinderopvang', 'pedagogisch-medewerker'),
                             ('gezondheidszorg', 'huisarts'), ('ouderenzorg', 'wijkverpleegkundige'),
                             ('maatschappelijke-ondersteuning', 'wijkteammedewerker'), ('wijkteam', 'wijkteammedewerker'),
                             ('jeugdhulp', 'jeugdhulpverlener'), ('justitie', 'reclasseringswerker'), ('politie', 'wijkagent'))
                     AS f (sector, function_id) ON f.sector = o.sector""").executeUpdate();
        em.createNativeQuery("""
                INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                SELECT gen_random_uuid(), x.person_id, x.module_id, 'demo', 85,
                       ((x.latest - 365 * i)::timestamp + time '10:00') AT TIME ZONE 'Europe/Amsterdam',
                       ((x.latest - 365 * i) + interval '1 year')::date
                FROM (SELECT p.id AS person_id, r.module_id, current_date - ((p.id * 7919) % 430)::int - (20 * random())::int AS latest,
                             CASE WHEN random() < 0.06 THEN 0 ELSE 1 + floor(random() * 3)::int END AS k
                      FROM person p JOIN employment e ON e.person_id = p.id
                      JOIN ref_required_module r ON r.function_id IN (e.function_id, '*')
                      WHERE p.subject LIKE 'demo-prof-%') x,
                     generate_series(0, x.k - 1) i
                WHERE x.latest - 365 * i > current_date - 1500""").executeUpdate();
    }

    /** Colleagues of the demo AF with every status: current, due soon, expired, never. Generated, not typed. */
    private void seedTeam(long organisationId) {
        String[] names = {"Anouk", "Bart", "Chantal", "Dirk", "Esra", "Fenna", "Gert", "Hanneke"};
        int[] coreDays = {250, 40, -15, Integer.MIN_VALUE, 120, 10, -200, Integer.MIN_VALUE};
        LocalDate today = LocalDate.now(clock);
        Module core = content.catalog().modules().stream()
                .filter(Module::core)
                .findFirst()
                .orElseThrow();
        for (int i = 0; i < names.length; i++) {
            String subject = "demo-collega-" + (i + 1);
            String email = subject + "@demo.example.org";
            long personId = ((Number) em.createNativeQuery("""
                    INSERT INTO person (subject, display_name, email, sector) VALUES (?1, ?2, ?3, 'kinderopvang')
                    ON CONFLICT (subject) DO UPDATE SET email = EXCLUDED.email RETURNING id""")
                            .setParameter(1, subject)
                            .setParameter(2, names[i] + " (demo)")
                            .setParameter(3, email)
                            .getSingleResult())
                    .longValue();
            em.createNativeQuery("""
                    INSERT INTO employment (organisation_id, name, email, person_id, function_id, start_date)
                    VALUES (?1, ?2, ?3, ?5, 'pedagogisch-medewerker', ?4)""")
                    .setParameter(1, organisationId)
                    .setParameter(2, names[i] + " (demo)")
                    .setParameter(3, email)
                    .setParameter(4, today.minusYears(1 + i % 3))
                    .setParameter(5, personId)
                    .executeUpdate();
            if (coreDays[i] != Integer.MIN_VALUE) {
                LocalDate validUntil = today.plusDays(coreDays[i]);
                completion(personId, core, validUntil.minusMonths(core.refresherMonths()));
            }
        }
    }

    /**
     * The dev OIDC server sends no {@code email_verified} claim, so no demo login would ever claim an invitation: the
     * demo binds its own rows to the demo people by subject (in production a verified login does this). Also binds
     * the rows of a data directory from before the binding existed.
     */
    private void bindDemoRows() {
        em.createNativeQuery("""
                UPDATE aandachtsfunctionaris a SET person_id = p.id FROM person p
                WHERE a.person_id IS NULL AND p.subject = 'aandachtsfunctionaris' AND lower(a.email) = 'aandachtsfunctionaris@example.com'""").executeUpdate();
        em.createNativeQuery("""
                UPDATE employment e SET person_id = p.id FROM person p
                WHERE e.person_id IS NULL AND p.subject LIKE 'demo-%' AND lower(p.email) = lower(e.email)""").executeUpdate();
    }

    /**
     * The dev OIDC server sends no {@code gemeente} claim: the demo binds the gemeente users as a beheerder would
     * (docs/security.md, "Gemeente scope"), by subject. {@code regio} needs no binding: it sees every gemeente.
     */
    private void bindDemoGemeenten() {
        em.createNativeQuery("""
                INSERT INTO gemeente_scope (subject, gemeente, granted_by)
                VALUES ('gemeente', 'Noordoostpolder', 'demo'), ('gemeente-urk', 'Urk', 'demo')
                ON CONFLICT DO NOTHING""").executeUpdate();
    }

    /**
     * A few bijeenkomsten of the meldcodetour, once (only when there are none), so that every state shows: one full with a
     * waitlist, one online, one open for registration, one in the past with attendance taken, and one given by another
     * trainer (the demo trainer sees no actions on it).
     */
    private void seedSessions(long trainer) {
        Number existing = (Number)
                em.createNativeQuery("SELECT count(*) FROM tour_session").getSingleResult();
        if (existing.longValue() > 0) {
            return;
        }
        ZonedDateTime today = LocalDate.now(clock).atStartOfDay(clock.getZone());
        long full = session(
                "Meldcodetour Emmeloord: de vijf stappen",
                "{onderwijs,kinderopvang}",
                "{meldcode-in-5-stappen}",
                today.plusDays(9).withHour(14),
                150,
                "Bibliotheek Emmeloord, Wellerwaard 1",
                null,
                4,
                trainer);
        session(
                "Online: het afwegingskader in de praktijk",
                "{}",
                "{meldcode-in-5-stappen}",
                today.plusDays(16).withHour(19).withMinute(30),
                90,
                null,
                "https://meet.example.org/meldcodetour-afwegingskader",
                40,
                trainer);
        session(
                "Aan de slag als aandachtsfunctionaris",
                "{}",
                "{aandachtsfunctionaris}",
                today.plusDays(23).withHour(9).withMinute(30),
                180,
                "Gemeentehuis Noordoostpolder, Emmeloord",
                null,
                20,
                trainer);
        long past = session(
                "Meldcodetour Urk: signalen bij ouderen",
                "{ouderenzorg,wijkteam}",
                "{meldcode-in-5-stappen}",
                today.minusDays(12).withHour(13).withMinute(30),
                150,
                "Het Baken, Urk",
                null,
                25,
                trainer);
        session(
                "Meldcodetour Dronten: kinderopvang",
                "{kinderopvang}",
                "{meldcode-in-5-stappen}",
                today.plusDays(30).withHour(15),
                120,
                "De Meerpaal, Dronten",
                null,
                30,
                null);
        List<Long> colleagues = SqlRow.list(
                em.createNativeQuery("SELECT id FROM person WHERE subject LIKE 'demo-collega-%' ORDER BY subject"),
                r -> r.longValue(0));
        for (int i = 0; i < colleagues.size(); i++) {
            long person = colleagues.get(i);
            // the full session: 4 places taken, the others wait in the order they registered
            em.createNativeQuery("INSERT INTO session_registration (session_id, person_id, status, registered_at) "
                            + "VALUES (?1, ?2, ?3, now() - make_interval(days => ?4))")
                    .setParameter(1, full)
                    .setParameter(2, person)
                    .setParameter(3, i < 4 ? "registered" : "waitlisted")
                    .setParameter(4, 20 - i)
                    .executeUpdate();
            // the past session: attendance taken, one colleague was not there
            em.createNativeQuery(
                            "INSERT INTO session_registration (session_id, person_id, status, registered_at, attended, "
                                    + "attendance_marked_by) VALUES (?1, ?2, 'registered', now() - interval '40 days', ?3, 'trainer')")
                    .setParameter(1, past)
                    .setParameter(2, person)
                    .setParameter(3, i != 2)
                    .executeUpdate();
        }
    }

    private long session(
            String title,
            String sectors,
            String modules,
            ZonedDateTime start,
            int minutes,
            String place,
            String onlineUrl,
            int capacity,
            Long trainer) {
        return ((Number) em.createNativeQuery(
                                "INSERT INTO tour_session (title, sectors, modules, starts_at, ends_at, place, "
                                        + "online_url, capacity, trainer, trainer_email, trainer_person_id, created_by) "
                                        + "VALUES (?1, CAST(?2 AS varchar[]), CAST(?3 AS varchar[]), ?4, ?5, CAST(?6 AS varchar), CAST(?7 AS varchar), ?8, ?9, "
                                        + "?10, CAST(?11 AS bigint), 'demo') RETURNING id")
                        .setParameter(1, title)
                        .setParameter(2, sectors)
                        .setParameter(3, modules)
                        .setParameter(4, start.toInstant())
                        .setParameter(5, start.plusMinutes(minutes).toInstant())
                        .setParameter(6, place)
                        .setParameter(7, onlineUrl)
                        .setParameter(8, capacity)
                        .setParameter(9, trainer == null ? "Karin Jansen" : "Tamara Visser (demo-trainer)")
                        .setParameter(10, trainer == null ? "karin.jansen@demo.example.org" : "trainer@example.com")
                        .setParameter(11, trainer)
                        .getSingleResult())
                .longValue();
    }

    private void insertAf(long organisationId, String name, String email, LocalDate start, LocalDate end) {
        em.createNativeQuery("""
                INSERT INTO aandachtsfunctionaris (organisation_id, name, email, start_date, end_date)
                VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, organisationId)
                .setParameter(2, name)
                .setParameter(3, email)
                .setParameter(4, start)
                .setParameter(5, end)
                .executeUpdate();
    }

    private long person(String subject, String name, String sector) {
        return ((Number) em.createNativeQuery("""
                INSERT INTO person (subject, display_name, email, sector)
                VALUES (:s, :n, :e, :sector)
                ON CONFLICT (subject) DO UPDATE SET sector = COALESCE(person.sector, EXCLUDED.sector)
                RETURNING id
                """)
                        .setParameter("s", subject)
                        .setParameter("n", name)
                        .setParameter("e", subject + "@example.com")
                        .setParameter("sector", sector)
                        .getSingleResult())
                .longValue();
    }

    private void completion(long personId, Module module, LocalDate completedOn) {
        Number existing =
                (Number) em.createNativeQuery("SELECT count(*) FROM completion WHERE person_id = :p AND module_id = :m")
                        .setParameter("p", personId)
                        .setParameter("m", module.id())
                        .getSingleResult();
        if (existing.longValue() > 0) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                VALUES (:id, :p, :m, :v, 90, :at, :until)
                """)
                .setParameter("id", UUID.randomUUID())
                .setParameter("p", personId)
                .setParameter("m", module.id())
                .setParameter("v", content.catalog().version())
                .setParameter(
                        "at",
                        ZonedDateTime.of(completedOn.atTime(10, 0), clock.getZone())
                                .toInstant())
                .setParameter("until", Validity.validUntil(completedOn, module.refresherMonths()))
                .executeUpdate();
    }
}
