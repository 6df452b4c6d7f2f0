/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import nl.meldcodetour.testsupport.LocalPostgres;
import nl.meldcodetour.testsupport.PackagedApp;
import org.junit.jupiter.api.Test;

/**
 * Issue #28, point 9: in production health, metrics and the OpenAPI document answer anyone who reaches the application
 * port no more. The packaged application serves them on its management interface (MANAGEMENT_HOST, MANAGEMENT_PORT)
 * only, and the pages keep their security headers.
 */
class ManagementInterfaceIT {

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void healthMetricsAndOpenApiAnswerOnlyOnTheManagementPort() throws Exception {
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        String issuer = oidc.start().get("keycloak.url") + "/realms/quarkus";
        try (LocalPostgres pg = new LocalPostgres()) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "")) {
                c.createStatement().execute("CREATE DATABASE meldcodetour");
            }
            try (PackagedApp app = new PackagedApp(
                    PackagedApp.freePort(),
                    pg.jdbcUrl("meldcodetour"),
                    issuer,
                    "secret",
                    "target/management-interface.log",
                    Map.of())) {
                for (String path :
                        new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi"}) {
                    assertEquals(404, get(app.base() + path).statusCode(), path + " on the application port");
                }
                HttpResponse<String> page = get(app.base() + "/");
                assertEquals(200, page.statusCode());
                assertTrue(
                        page.headers()
                                .firstValue("Content-Security-Policy")
                                .orElse("")
                                .contains("frame-ancestors 'none'"),
                        "the pages keep their security headers: "
                                + page.headers().map());

                HttpResponse<String> ready = get(app.managementBase() + "/q/health/ready");
                assertEquals(200, ready.statusCode(), ready.body());
                assertTrue(
                        ready.body().contains("\"status\": \"UP\"")
                                && ready.body().contains("Database"),
                        ready.body());
                assertEquals(200, get(app.managementBase() + "/q/health/live").statusCode());
                HttpResponse<String> metrics = get(app.managementBase() + "/q/metrics");
                assertEquals(200, metrics.statusCode());
                assertTrue(metrics.body().contains("http_server_requests_seconds_count{"), "Prometheus metrics");
                HttpResponse<String> openApi = get(app.managementBase() + "/q/openapi");
                assertEquals(200, openApi.statusCode());
                assertTrue(openApi.body().contains("/api/modules"), "the API document");
            }
        } finally {
            oidc.stop();
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
