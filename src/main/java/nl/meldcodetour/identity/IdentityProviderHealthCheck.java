/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness includes the identity provider: an unreachable OIDC server does not stop Quarkus from starting, but
 * nobody can log in. Fetches the discovery document, at most once per 15 seconds.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderHealthCheck implements HealthCheck {

    private static final Duration CACHE = Duration.ofSeconds(15);

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> authServerUrl;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile HealthCheckResponse last;
    private volatile Instant lastAt = Instant.EPOCH;

    @Override
    public HealthCheckResponse call() {
        if (last == null || Instant.now().isAfter(lastAt.plus(CACHE))) {
            last = probe();
            lastAt = Instant.now();
        }
        return last;
    }

    private HealthCheckResponse probe() {
        var response = HealthCheckResponse.named("Identity provider (OIDC)");
        if (authServerUrl.isEmpty()) {
            return response.down()
                    .withData("reason", "quarkus.oidc.auth-server-url is not set")
                    .build();
        }
        String base = authServerUrl.get().replaceAll("/+$", "");
        try {
            HttpResponse<Void> discovery = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(3))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return discovery.statusCode() == 200
                    ? response.up().build()
                    : response.down().withData("status", discovery.statusCode()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        } catch (Exception e) {
            return response.down()
                    .withData("reason", e.getClass().getSimpleName())
                    .build();
        }
    }
}
