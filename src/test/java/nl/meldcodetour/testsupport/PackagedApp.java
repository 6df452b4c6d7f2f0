/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/quarkus-app, production profile) configured only through the environment
 * variables a municipality sets (docs/operations.md), against a real PostgreSQL (or, without a JDBC URL, the embedded
 * one) and a real Keycloak. Ready when the management interface's {@code /q/health/ready} answers 200.
 */
public final class PackagedApp implements AutoCloseable {

    public final int port;
    /** The management interface: health, metrics and OpenAPI, which the application port does not serve. */
    public final int managementPort;

    private final String log;
    private final Process process;

    public PackagedApp(int port, String jdbcUrl, String issuer, String clientSecret)
            throws IOException, InterruptedException {
        this(port, jdbcUrl, issuer, clientSecret, "target/e2e-app.log", Map.of());
    }

    /** With more environment variables ({@code extraEnv} wins) and its own log file. */
    public PackagedApp(
            int port, String jdbcUrl, String issuer, String clientSecret, String log, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        this.port = port;
        this.managementPort = freePort();
        this.log = log;
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new AssertionError("No packaged application: run ./mvnw verify");
        }
        String secret = Base64.getEncoder()
                .encodeToString(UUID.randomUUID().toString().repeat(2).getBytes());
        // the production JDK where the machine has it (pom.xml, profile jdk25-runtime), else the one running the tests
        String javaHome = System.getProperty("packaged.java.home", System.getProperty("java.home"));
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(javaHome, "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(Path.of(log).toFile()));
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("MANAGEMENT_HOST", "127.0.0.1");
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        if (jdbcUrl != null) { // null: the embedded database
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        }
        env.put("OIDC_AUTH_SERVER_URL", issuer);
        env.put("OIDC_CLIENT_ID", "meldcodetour");
        env.put("OIDC_ISSUER", issuer);
        env.put("OIDC_CLIENT_SECRET", clientSecret);
        env.put("OIDC_STATE_SECRET", secret);
        env.put("OIDC_TOKEN_ENCRYPTION_SECRET", secret + "x");
        env.put("PUBLIC_URL", base());
        env.put("MAIL_FROM", "Meldcodetour <noreply@example.org>");
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("MELDCODETOUR_REMINDERS_ENABLED", "false");
        env.putAll(extraEnv);
        process = pb.start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the application stopped; see " + log);
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(managementBase() + "/q/health/ready"))
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200); // poll interval of a loop with a deadline that also watches the process
        }
        close();
        throw new AssertionError("the application was not ready within 90 s; see " + log);
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public String managementBase() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** {@code kill -9}: no shutdown hook runs, so the embedded database's server is left running. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the application did not die of SIGKILL within 30 s");
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
