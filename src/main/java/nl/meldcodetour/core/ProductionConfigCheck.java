/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * In production the application refuses to start without its secrets, or with short or development ones, and says
 * which environment variables to set.
 */
@Singleton
public class ProductionConfigCheck {

    /** A required setting: the property and the environment variable that provides it in production. */
    record Required(String property, String variable, boolean secret) {}

    static final List<Required> REQUIRED = List.of(
            new Required("quarkus.oidc.auth-server-url", "OIDC_AUTH_SERVER_URL", false),
            new Required("quarkus.oidc.credentials.secret", "OIDC_CLIENT_SECRET", false),
            new Required("quarkus.oidc.authentication.state-secret", "OIDC_STATE_SECRET", true),
            new Required("quarkus.oidc.token-state-manager.encryption-secret", "OIDC_TOKEN_ENCRYPTION_SECRET", true),
            new Required("meldcodetour.public-url", "PUBLIC_URL", false));

    void check(@Observes @Priority(1) StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> problems = problems(name -> {
            try {
                return ConfigProvider.getConfig().getOptionalValue(name, String.class);
            } catch (RuntimeException unexpandable) {
                return Optional.empty();
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Production configuration is incomplete:\n  - "
                    + String.join("\n  - ", problems) + "\nSee docs/operations.md.");
        }
    }

    static List<String> problems(Function<String, Optional<String>> lookup) {
        List<String> problems = new ArrayList<>();
        for (Required r : REQUIRED) {
            Optional<String> value = lookup.apply(r.property()).filter(v -> !v.isBlank());
            if (value.isEmpty()) {
                problems.add(r.variable() + " is not set (" + r.property() + ")");
            } else if (r.secret() && (value.get().length() < 32 || value.get().startsWith("dev-only"))) {
                problems.add(r.variable() + " must be a random secret of at least 32 characters");
            } else if (value.get().startsWith("dev-only")) {
                // e.g. the client secret of the shipped realm and scripts/run-keycloak.sh: known to everyone
                problems.add(
                        r.variable() + " is a development value (" + value.get().substring(0, 8) + "…): set your own");
            }
        }
        return problems;
    }
}
