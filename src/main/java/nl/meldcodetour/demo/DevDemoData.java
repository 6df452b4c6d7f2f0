package nl.meldcodetour.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.learning.Validity;

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
        long beheerder = person("beheerder", "Beheerder (demo)", null);
        Module core = content.catalog().modules().stream().filter(Module::core).findFirst().orElseThrow();
        completion(af, core, LocalDate.now(clock).minusMonths(core.refresherMonths()).plusDays(30));
        completion(beheerder, core, LocalDate.now(clock).minusMonths(core.refresherMonths()).minusDays(20));
        seedRegistry();
        LOG.infof("Dev demo data ready (medewerker id %d). Log in as medewerker, aandachtsfunctionaris, gemeente or beheerder.", medewerker);
    }

    /** A generated registry, once (only when the registry is empty); the demo AF user is AF of a kinderopvang. */
    private void seedRegistry() {
        Number existing = (Number) em.createNativeQuery("SELECT count(*) FROM organisation").getSingleResult();
        if (existing.longValue() > 0) {
            return;
        }
        for (var org : DemoRegistryGenerator.generate(42, 60, LocalDate.now(clock))) {
            Number id = (Number) em.createNativeQuery("""
                    INSERT INTO organisation (name, sector, gemeente, area, postcode, staff_count)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id""")
                    .setParameter(1, org.name()).setParameter(2, org.sector()).setParameter(3, org.gemeente())
                    .setParameter(4, org.area()).setParameter(5, org.postcode()).setParameter(6, org.staff()).getSingleResult();
            for (var af : org.afs()) {
                insertAf(id.longValue(), af.name(), af.email(), af.start(), af.end());
            }
        }
        Number kinderopvang = (Number) em.createNativeQuery(
                "SELECT id FROM organisation WHERE sector = 'kinderopvang' ORDER BY id LIMIT 1").getSingleResult();
        // The dev OIDC server gives the demo user the e-mail address <name>@example.com.
        insertAf(kinderopvang.longValue(), "Pieter Bakker (demo)", "aandachtsfunctionaris@example.com",
                LocalDate.now(clock).minusYears(2), null);
        seedTeam(kinderopvang.longValue());
    }

    /** Colleagues of the demo AF with every status: current, due soon, expired, never. Generated, not typed. */
    private void seedTeam(long organisationId) {
        String[] names = { "Anouk", "Bart", "Chantal", "Dirk", "Esra", "Fenna", "Gert", "Hanneke" };
        int[] coreDays = { 250, 40, -15, Integer.MIN_VALUE, 120, 10, -200, Integer.MIN_VALUE };
        LocalDate today = LocalDate.now(clock);
        Module core = content.catalog().modules().stream().filter(Module::core).findFirst().orElseThrow();
        for (int i = 0; i < names.length; i++) {
            String subject = "demo-collega-" + (i + 1);
            String email = subject + "@demo.example.org";
            long personId = ((Number) em.createNativeQuery("""
                    INSERT INTO person (subject, display_name, email, sector) VALUES (?1, ?2, ?3, 'kinderopvang')
                    ON CONFLICT (subject) DO UPDATE SET email = EXCLUDED.email RETURNING id""")
                    .setParameter(1, subject).setParameter(2, names[i] + " (demo)").setParameter(3, email).getSingleResult()).longValue();
            em.createNativeQuery("""
                    INSERT INTO employment (organisation_id, name, email, function_id, start_date)
                    VALUES (?1, ?2, ?3, 'pedagogisch-medewerker', ?4)""")
                    .setParameter(1, organisationId).setParameter(2, names[i] + " (demo)").setParameter(3, email)
                    .setParameter(4, today.minusYears(1 + i % 3)).executeUpdate();
            if (coreDays[i] != Integer.MIN_VALUE) {
                LocalDate validUntil = today.plusDays(coreDays[i]);
                completion(personId, core, validUntil.minusMonths(core.refresherMonths()));
            }
        }
    }

    private void insertAf(long organisationId, String name, String email, LocalDate start, LocalDate end) {
        em.createNativeQuery("""
                INSERT INTO aandachtsfunctionaris (organisation_id, name, email, start_date, end_date)
                VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, organisationId).setParameter(2, name).setParameter(3, email)
                .setParameter(4, start).setParameter(5, end).executeUpdate();
    }

    private long person(String subject, String name, String sector) {
        return ((Number) em.createNativeQuery("""
                INSERT INTO person (subject, display_name, email, sector)
                VALUES (:s, :n, :e, :sector)
                ON CONFLICT (subject) DO UPDATE SET sector = COALESCE(person.sector, EXCLUDED.sector)
                RETURNING id
                """).setParameter("s", subject).setParameter("n", name).setParameter("e", subject + "@example.org")
                .setParameter("sector", sector).getSingleResult()).longValue();
    }

    private void completion(long personId, Module module, LocalDate completedOn) {
        Number existing = (Number) em.createNativeQuery(
                "SELECT count(*) FROM completion WHERE person_id = :p AND module_id = :m")
                .setParameter("p", personId).setParameter("m", module.id()).getSingleResult();
        if (existing.longValue() > 0) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                VALUES (:id, :p, :m, :v, 90, :at, :until)
                """).setParameter("id", UUID.randomUUID()).setParameter("p", personId).setParameter("m", module.id())
                .setParameter("v", content.catalog().version())
                .setParameter("at", ZonedDateTime.of(completedOn.atTime(10, 0), clock.getZone()).toInstant())
                .setParameter("until", Validity.validUntil(completedOn, module.refresherMonths()))
                .executeUpdate();
    }
}
