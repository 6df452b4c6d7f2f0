/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * At national scale a new reference date takes about a minute to compute: the request gets 202 with Retry-After at
 * once, the computation runs in the background, and a later request gets the figures.
 */
@QuarkusTest
@TestProfile(CoverageBackgroundTest.EverythingIsLarge.class)
class CoverageBackgroundTest {

    public static class EverythingIsLarge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("meldcodetour.coverage.sync-compute-limit", "-1");
        }
    }

    @Test
    void aNewDateIsComputedInTheBackground() throws Exception {
        Tokens.TestUser gemeente = Tokens.newUser(null, "regio");
        String date = "2020-02-29";
        var first = gemeente.given().queryParam("peildatum", date).get("/api/coverage/coverage");
        assertEquals(202, first.statusCode(), first.asString());
        assertEquals("60", first.header("Retry-After"));
        await("the figures arrive without anyone doing anything")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> gemeente.given()
                                .queryParam("peildatum", date)
                                .get("/api/coverage/coverage")
                                .statusCode(),
                        equalTo(200));
    }
}
