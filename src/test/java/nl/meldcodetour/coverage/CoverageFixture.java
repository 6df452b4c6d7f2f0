/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.UUID;
import nl.meldcodetour.core.time.ClockProducer;

/**
 * A small gemeente with hand-computed figures (see CoverageTest for the expected numbers and why).
 * T = today; R = T - 200 days. Everything lives in a gemeente with a unique name so other tests cannot disturb it.
 *
 * <pre>
 * Org A onderwijs    (wijk Noord, 8301) since T-400; AF from T-400, left T-100
 * Org B kinderopvang (wijk Zuid,  8302) since T-400; AF from T-300
 * Org C politie      (wijk Noord, 8301) since T-400; no AF (the police are not obliged)
 * Org D onderwijs    (wijk Zuid,  8302) registered T-10; no AF, no staff
 * p1 leerkracht A                 all 3 modules at T-150 (valid T+215)
 * p2 leerkracht A                 all 3 modules at T-340 (valid T+25)
 * p3 leerkracht A                 core only at T-500 (valid T-135)
 * p4 leerkracht A + ped.mw. B     core, onderwijs, kindermishandeling at T-30 (valid T+335); never kinderopvang
 * p5 leerkracht A T-400..T-250    nothing
 * p6 ped.mw. B                    core, kinderopvang, kindermishandeling at T-380 (valid T-15)
 * p7 ped.mw. B                    nothing
 * p8 ped.mw. B from T-50          nothing
 * p9 wijkagent C                  core, politie, mensenhandel at T-100 (valid T+265)
 * </pre>
 */
final class CoverageFixture {

    final LocalDate today = LocalDate.now(ClockProducer.ZONE);
    final LocalDate past = today.minusDays(200);
    final String gemeente = "Fixturia " + UUID.randomUUID().toString().substring(0, 8);
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    long orgA;
    long orgB;
    long orgC;
    long orgD;

    static final String CORE = "meldcode-in-5-stappen";

    void create(EntityManager em) {
        QuarkusTransaction.requiringNew().run(() -> {
            orgA = org(em, "A", "onderwijs", "Noord", "8301", today.minusDays(400));
            orgB = org(em, "B", "kinderopvang", "Zuid", "8302", today.minusDays(400));
            orgC = org(em, "C", "politie", "Noord", "8301", today.minusDays(400));
            orgD = org(em, "D", "onderwijs", "Zuid", "8302", today.minusDays(10));
            af(em, orgA, today.minusDays(400), today.minusDays(100));
            af(em, orgB, today.minusDays(300), null);
            for (int i = 1; i <= 9; i++) {
                person(em, i);
            }
            job(em, orgA, 1, "leerkracht", today.minusDays(400), null);
            job(em, orgA, 2, "leerkracht", today.minusDays(400), null);
            job(em, orgA, 3, "leerkracht", today.minusDays(400), null);
            job(em, orgA, 4, "leerkracht", today.minusDays(400), null);
            job(em, orgA, 5, "leerkracht", today.minusDays(400), today.minusDays(250));
            job(em, orgB, 4, "pedagogisch-medewerker", today.minusDays(400), null);
            job(em, orgB, 6, "pedagogisch-medewerker", today.minusDays(400), null);
            job(em, orgB, 7, "pedagogisch-medewerker", today.minusDays(400), null);
            job(em, orgB, 8, "pedagogisch-medewerker", today.minusDays(50), null);
            job(em, orgC, 9, "wijkagent", today.minusDays(400), null);
            for (String m : new String[] {CORE, "onderwijs", "kindermishandeling"}) {
                pass(em, 1, m, today.minusDays(150), today.plusDays(215));
                pass(em, 2, m, today.minusDays(340), today.plusDays(25));
                pass(em, 4, m, today.minusDays(30), today.plusDays(335));
            }
            pass(em, 3, CORE, today.minusDays(500), today.minusDays(135));
            for (String m : new String[] {CORE, "kinderopvang", "kindermishandeling"}) {
                pass(em, 6, m, today.minusDays(380), today.minusDays(15));
            }
            for (String m : new String[] {CORE, "politie", "mensenhandel"}) {
                pass(em, 9, m, today.minusDays(100), today.plusDays(265));
            }
        });
    }

    String email(int person) {
        return "P" + person + "." + tag + "@Fixture.example.org"; // mixed case: matching ignores case
    }

    /** A person who can pass modules; an employment without one counts as "nooit gedaan". */
    void person(EntityManager em, int person) {
        em.createNativeQuery("INSERT INTO person (subject, display_name, email) VALUES (?1, ?2, ?3)")
                .setParameter(1, "fixture-" + tag + "-p" + person)
                .setParameter(2, "P" + person)
                .setParameter(3, email(person))
                .executeUpdate();
    }

    long org(EntityManager em, String name, String sector, String area, String postcode, LocalDate registered) {
        return ((Number) em.createNativeQuery("""
                INSERT INTO organisation (name, sector, gemeente, area, postcode, registered_on)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id""")
                        .setParameter(1, "Organisatie " + name + " " + tag)
                        .setParameter(2, sector)
                        .setParameter(3, gemeente)
                        .setParameter(4, area)
                        .setParameter(5, postcode)
                        .setParameter(6, registered)
                        .getSingleResult())
                .longValue();
    }

    private void af(EntityManager em, long org, LocalDate start, LocalDate end) {
        em.createNativeQuery(
                        "INSERT INTO aandachtsfunctionaris (organisation_id, name, email, start_date, end_date) VALUES (?1, 'AF', ?2, ?3, ?4)")
                .setParameter(1, org)
                .setParameter(2, "af." + tag + "@fixture.example.org")
                .setParameter(3, start)
                .setParameter(4, end)
                .executeUpdate();
    }

    void job(EntityManager em, long org, int person, String function, LocalDate start, LocalDate end) {
        // bound to the person with that address, as a verified login would
        em.createNativeQuery(
                        "INSERT INTO employment (organisation_id, name, email, function_id, start_date, end_date, person_id) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT id FROM person WHERE lower(email) = lower(?3) ORDER BY id LIMIT 1))")
                .setParameter(1, org)
                .setParameter(2, "P" + person)
                .setParameter(3, email(person).toLowerCase())
                .setParameter(4, function)
                .setParameter(5, start)
                .setParameter(6, end)
                .executeUpdate();
    }

    void pass(EntityManager em, int person, String module, LocalDate on, LocalDate validUntil) {
        em.createNativeQuery("""
                INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                SELECT ?1, id, ?2, 'test', 90, ?3, ?4 FROM person WHERE subject = ?5""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, module)
                .setParameter(
                        3,
                        ZonedDateTime.of(on.atTime(12, 0), ClockProducer.ZONE).toOffsetDateTime())
                .setParameter(4, validUntil)
                .setParameter(5, "fixture-" + tag + "-p" + person)
                .executeUpdate();
    }
}
