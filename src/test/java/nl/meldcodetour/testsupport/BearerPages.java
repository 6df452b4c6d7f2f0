/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Pages also take a bearer token (hybrid), so one test can act as any role on pages and API alike; production pages
 * use the code flow. Tests with this profile share one application start.
 */
public class BearerPages implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.application-type", "hybrid", "quarkus.oidc.token.issuer", "https://server.example.com");
    }
}
