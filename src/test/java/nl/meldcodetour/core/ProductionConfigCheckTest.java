/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionConfigCheckTest {

    static final String GOOD = "k3Jd9s0LwQm2Zx8Vb7Nc6Ty5Ru4Ep1Oa0";

    @Test
    void nothingSetNamesEveryVariable() {
        List<String> problems = ProductionConfigCheck.problems(name -> Optional.empty());
        assertEquals(5, problems.size());
        assertTrue(problems.toString().contains("PUBLIC_URL"), problems.toString());
        assertTrue(problems.get(0).startsWith("OIDC_AUTH_SERVER_URL is not set"), problems.toString());
        assertTrue(problems.toString().contains("OIDC_TOKEN_ENCRYPTION_SECRET"), problems.toString());
    }

    @Test
    void shortOrDevelopmentSecretsAreRefused() {
        Map<String, String> values = Map.of(
                "quarkus.oidc.auth-server-url", "https://login.example.org/realms/meldcodetour",
                "quarkus.oidc.credentials.secret", "client-secret",
                "quarkus.oidc.authentication.state-secret", "kort",
                "quarkus.oidc.token-state-manager.encryption-secret",
                        "dev-only-token-encryption-secret-0123456789abcdef",
                "meldcodetour.public-url", "https://meldcodetour.example.nl");
        List<String> problems = ProductionConfigCheck.problems(name -> Optional.ofNullable(values.get(name)));
        assertEquals(
                List.of(
                        "OIDC_STATE_SECRET must be a random secret of at least 32 characters",
                        "OIDC_TOKEN_ENCRYPTION_SECRET must be a random secret of at least 32 characters"),
                problems);
    }

    @Test
    void theShippedDevelopmentClientSecretIsRefused() {
        Map<String, String> values = Map.of(
                "quarkus.oidc.auth-server-url", "https://login.example.org/realms/meldcodetour",
                // the default of docker/keycloak/meldcodetour-realm.json and scripts/run-keycloak.sh
                "quarkus.oidc.credentials.secret", "dev-only-client-secret-change-me",
                "quarkus.oidc.authentication.state-secret", GOOD,
                "quarkus.oidc.token-state-manager.encryption-secret", GOOD + "x",
                "meldcodetour.public-url", "https://meldcodetour.example.nl");
        List<String> problems = ProductionConfigCheck.problems(name -> Optional.ofNullable(values.get(name)));
        assertEquals(List.of("OIDC_CLIENT_SECRET is a development value (dev-only…): set your own"), problems);
    }

    @Test
    void completeConfigurationPasses() {
        Map<String, String> values = Map.of(
                "quarkus.oidc.auth-server-url", "https://login.example.org/realms/meldcodetour",
                "quarkus.oidc.credentials.secret", "client-secret",
                "quarkus.oidc.authentication.state-secret", GOOD,
                "quarkus.oidc.token-state-manager.encryption-secret", GOOD + "x",
                "meldcodetour.public-url", "https://meldcodetour.example.nl");
        assertTrue(ProductionConfigCheck.problems(name -> Optional.ofNullable(values.get(name)))
                .isEmpty());
    }
}
