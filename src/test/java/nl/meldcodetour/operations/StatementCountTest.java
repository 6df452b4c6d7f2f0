/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.UUID;
import nl.meldcodetour.registry.OrganisationService;
import nl.meldcodetour.team.TeamService;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * No N+1 queries on the main pages: the number of SQL statements per request is counted with Hibernate's statistics
 * ({@code %test.quarkus.hibernate-orm.statistics=true}) and must stay within a budget, and must not grow with the
 * data (a person with more completions, a team with more colleagues). Every signed-in page also runs one fixed
 * plain-JDBC statement, which Hibernate does not count: the person read of {@code CurrentUser} or, on the learner
 * pages, {@code LearningService.PERSON_AND_LEARNER_STATE_SQL} (the person, jobs, best pass per module and progress in
 * one round trip; {@code LearnerStateTest}).
 */
@QuarkusTest
class StatementCountTest {

    static final String MODULE = "meldcode-in-5-stappen";

    @Inject
    EntityManagerFactory emf;

    @Inject
    EntityManager em;

    @Inject
    OrganisationService registry;

    @Inject
    TeamService teams;

    /** Statements of one request (after one warm-up request, which may fill caches). */
    long statements(String path) {
        given().get(path).then().statusCode(200);
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        given().get(path).then().statusCode(200);
        return stats.getPrepareStatementCount();
    }

    void completions(String subject, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                em.createNativeQuery("""
                        INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                        SELECT ?1, id, ?2, 't', 90, now() - make_interval(days => ?3), ?4 FROM person WHERE subject = ?5""")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, i % 2 == 0 ? MODULE : "onderwijs")
                        .setParameter(3, i * 30)
                        .setParameter(4, LocalDate.now().plusDays(300 - i * 30L))
                        .setParameter(5, subject)
                        .executeUpdate();
            }
        });
    }

    @Test
    @TestSecurity(user = "statements-learner", roles = "medewerker")
    @OidcSecurity(
            claims = {
                @Claim(key = "email", value = "statements-learner@example.org"),
                @Claim(key = "sector", value = "onderwijs")
            })
    void learnerPagesUseAFixedNumberOfStatements() {
        long modulesEmpty = statements("/mijn-modules");
        completions("statements-learner", 12);
        long modulesFull = statements("/mijn-modules");
        long module = statements("/modules/" + MODULE);
        long page = statements("/modules/" + MODULE + "/pagina/2");
        long certificates = statements("/certificaten");
        System.out.printf(
                "statements per request: mijn-modules %d (12 completions: %d), module %d, page %d, certificaten %d%n",
                modulesEmpty, modulesFull, module, page, certificates);
        assertEquals(modulesEmpty, modulesFull, "Mijn modules: the same statements with 0 or 12 completions");
        // Hibernate's statements only; on top comes one fixed plain-JDBC statement (LearningService.
        // PERSON_AND_LEARNER_STATE_SQL: the person, jobs, best pass per module and progress in one round trip, whatever
        // the data)
        assertEquals(0, modulesFull, "Mijn modules: no statement through Hibernate");
        assertEquals(0, module, "module page: no statement through Hibernate");
        assertTrue(page <= 1, "module page n: " + page + " statements");
        assertTrue(certificates <= 2, "certificates: " + certificates + " statements");
    }

    @Test
    @TestSecurity(user = "statements-af", roles = "aandachtsfunctionaris")
    @OidcSecurity(
            claims = {
                @Claim(key = "email", value = "statements-af@example.org"),
                @Claim(key = "email_verified", value = "true")
            })
    void theTeamPageDoesNotQueryPerColleague() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        long org = QuarkusTransaction.requiringNew().call(() -> {
            long id = registry.create(
                            new OrganisationService.OrganisationInput(
                                    "Telschool " + suffix,
                                    null,
                                    null,
                                    "onderwijs",
                                    "Urk",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null),
                            "test")
                    .id;
            registry.addAandachtsfunctionaris(
                    id,
                    new OrganisationService.AfInput(
                            "AF",
                            "statements-af@example.org",
                            null,
                            LocalDate.now().minusDays(1)),
                    "test");
            for (int i = 0; i < 3; i++) {
                teams.addStaff(
                        id,
                        new TeamService.StaffInput(
                                "Collega " + i, "c" + i + "-" + suffix + "@example.org", "leerkracht", null),
                        "test");
            }
            return id;
        });
        long small = statements("/team/" + org);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 3; i < 40; i++) {
                teams.addStaff(
                        org,
                        new TeamService.StaffInput(
                                "Collega " + i, "c" + i + "-" + suffix + "@example.org", "leerkracht", null),
                        "test");
            }
        });
        long large = statements("/team/" + org);
        System.out.printf("statements per request: team of 3 %d, team of 40 %d%n", small, large);
        assertEquals(small, large, "the team page: the same statements for 3 or 40 colleagues");
        assertTrue(large <= 6, "team page: " + large + " statements");
    }

    @Test
    @TestSecurity(user = "statements-gemeente", roles = "regio")
    void theRegisterDoesNotQueryPerOrganisation() {
        // (the dashboard reads its materialised figures with plain JDBC, a fixed set of queries: docs/benchmarks.md,
        // Decisions: Dashboard materialised figures)
        long register = statements("/register");
        System.out.printf("statements per request: register %d%n", register);
        assertTrue(register <= 2, "register: " + register + " statements");
    }
}
