/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import nl.meldcodetour.coverage.CoverageService.Raw;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Issue #30, point 3: the staff of an organisation deactivated today no longer count on the dashboard from today on;
 * the figures of every date before it stay as they were. On {@link CoverageFixture} (see CoverageTest for the figures).
 */
@QuarkusTest
class DeactivationCoverageTest {

    @Inject
    EntityManager em;

    @Inject
    CoverageService service;

    final Tokens.TestUser beheerder = Tokens.newUser(null, "beheerder");

    Raw raw(CoverageFixture fx, LocalDate date) {
        return service.raw(service.filter(
                CoverageService.Criteria.area(null, fx.gemeente).withDate(date == null ? null : date.toString())));
    }

    @Test
    void theStaffOfADeactivatedOrganisationDoNotCountFromTheDeactivationDateOn() {
        CoverageFixture fx = new CoverageFixture();
        fx.create(em);
        Raw before = new Raw(4, 3, 1, 1, 1, 9, 3, 1, 3, 2);
        assertEquals(before, raw(fx, null));
        assertEquals(before, raw(fx, fx.today.minusDays(1)));
        Raw past = new Raw(3, 2, 2, 2, 0, 8, 2, 0, 1, 5);
        assertEquals(past, raw(fx, fx.past));

        // B (kinderopvang, with an AF; p4, p6, p7 and p8) is deactivated now, e.g. at 12:50
        beheerder
                .given()
                .post("/api/organisations/" + fx.orgB + "/deactivate")
                .then()
                .statusCode(200);

        // today: A, C and D remain; obliged A and D, neither with an AF; D without staff; A's p1-p4 and C's p9:
        // p1, p4 and p9 current, p2 due, p3 expired
        assertEquals(new Raw(3, 2, 0, 0, 1, 5, 3, 1, 1, 0), raw(fx, null));
        assertEquals(
                new Raw(0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                service.raw(service.filter(CoverageService.Criteria.area("kinderopvang", fx.gemeente))));
        // history before the deactivation stays: yesterday and 200 days ago, B still counts
        assertEquals(before, raw(fx, fx.today.minusDays(1)));
        assertEquals(past, raw(fx, fx.past));

        // activated again: it counts again
        beheerder
                .given()
                .post("/api/organisations/" + fx.orgB + "/activate")
                .then()
                .statusCode(200);
        assertEquals(before, raw(fx, null));
    }
}
