/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.meldcodetour.testsupport.LocalPostgres;
import nl.meldcodetour.testsupport.PackagedApp;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost: the packaged application (target/quarkus-app, production profile) on a real PostgreSQL, eight clients
 * submitting quizzes as fast as they can, and the application killed with SIGKILL at random moments 20 times and
 * started again. Afterwards every submission that was answered 200 is stored exactly once, with the score the client
 * was given, and every passed one has exactly one completion. And on the embedded database: after a kill one start
 * is enough. Runs in the integration-test phase of {@code ./mvnw verify}, after packaging.
 */
class ReliabilityIT {

    static final int KILLS = 20;
    static final int CLIENTS = 8;
    static final String MODULE = "meldcode-in-5-stappen";
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final Random random = new Random();
    String oidcUrl;
    final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    int port;
    int managementPort;
    Process app;

    @Test
    void everyAcknowledgedSubmissionSurvivesTwentyKills() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "run after packaging: ./mvnw verify");
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        oidcUrl = oidc.start().get("keycloak.url");
        port = PackagedApp.freePort();
        managementPort = PackagedApp.freePort();
        try (LocalPostgres pg = new LocalPostgres()) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "")) {
                c.createStatement().execute("CREATE DATABASE meldcodetour");
            }
            Map<String, JsonNode> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            start(jar, pg);
            warmUp();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> {
                    while (running.get()) {
                        String token;
                        try {
                            token = token("betrouwbaar-" + UUID.randomUUID());
                        } catch (Throwable e) {
                            statuses.merge("token: " + e, 1, Integer::sum);
                            throw new IllegalStateException(e);
                        }
                        // two attempts per person: answered at random they fail, and after two failures in a row a
                        // person's next attempt waits for the retry gate (409), which is not what this test is about
                        for (int n = 0; n < 2 && running.get(); n++) {
                            try {
                                submitOne(token, acknowledged);
                            } catch (Exception e) {
                                statuses.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                                refused.incrementAndGet(); // the application is down: not acknowledged, nothing
                                // promised
                                try {
                                    Thread.sleep(
                                            100); // like a browser retrying, not a busy loop that starves the restart
                                } catch (InterruptedException ie) {
                                    return null;
                                }
                            }
                        }
                    }
                    return null;
                });
            }
            int kills = 0;
            long submittedBefore;
            for (; kills < KILLS; kills++) {
                submittedBefore = acknowledged.size();
                // at least one acknowledged submission since the restart (on a slow machine the first ones after a
                // start can take seconds), then a random moment to kill in the middle of the traffic
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (acknowledged.size() <= submittedBefore && System.nanoTime() < deadline) {
                    Thread.sleep(50); // poll interval: the load test waits for its own traffic
                }
                assertTrue(
                        acknowledged.size() > submittedBefore,
                        "submissions went through before kill " + (kills + 1) + ": " + statuses);
                Thread.sleep(1000 + random.nextInt(2500));
                app.destroyForcibly(); // SIGKILL
                assertTrue(app.waitFor(30, TimeUnit.SECONDS));
                start(jar, pg);
                warmUp();
            }
            Thread.sleep(2000); // deliberate: the load runs two more seconds on the last start
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);

            // every acknowledged submission: stored once, with the score the client saw; passed ones completed once
            int passed = 0;
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("meldcodetour"), "postgres", "")) {
                Map<String, int[]> stored = new HashMap<>();
                try (ResultSet rs = c.createStatement().executeQuery("""
                        SELECT a.id, a.percentage, a.passed, (SELECT count(*) FROM completion k WHERE k.attempt_id = a.id)
                        FROM quiz_attempt a WHERE a.submitted_at IS NOT NULL""")) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), new int[] {rs.getInt(2), rs.getBoolean(3) ? 1 : 0, rs.getInt(4)});
                    }
                }
                List<String> lost = new ArrayList<>();
                for (var e : acknowledged.entrySet()) {
                    int[] row = stored.get(e.getKey());
                    JsonNode result = e.getValue();
                    boolean ok = row != null
                            && row[0] == result.path("percentage").asInt()
                            && (row[1] == 1) == result.path("passed").asBoolean()
                            && row[2] == (result.path("passed").asBoolean() ? 1 : 0);
                    if (!ok) {
                        lost.add(e.getKey() + " " + result + " stored "
                                + (row == null ? "nothing" : Arrays.toString(row)));
                    }
                    passed += result.path("passed").asBoolean() ? 1 : 0;
                }
                try (ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT count(*) FROM (SELECT attempt_id FROM completion GROUP BY attempt_id HAVING count(*) > 1) d")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "no attempt has two completions");
                }
                System.out.printf(
                        "Reliability: %d kills survived, %d submissions acknowledged (%d passed), %d requests failed while down, %d lost; statuses %s%n",
                        kills, acknowledged.size(), passed, refused.get(), lost.size(), statuses);
                assertEquals(List.of(), lost, "acknowledged submissions that are not stored exactly as answered");
            }
            assertEquals(KILLS, kills);
            assertTrue(acknowledged.size() > 100, "enough load: " + acknowledged.size());
        } finally {
            if (app != null && app.isAlive()) {
                app.destroyForcibly();
            }
            oidc.stop();
        }
    }

    /**
     * Issue #28, point 4: the packaged application on its embedded database (no JDBC URL), killed with SIGKILL. zonky
     * runs PostgreSQL as a daemon, so it survives on the data directory; the next start used to wait a minute and fail
     * on PostgreSQL's lock file. Now one start is enough, on the durable production settings, and a normal stop leaves
     * no PostgreSQL behind.
     */
    @Test
    void aKillWithTheEmbeddedDatabaseNeedsOnlyOneStart() throws Exception {
        Path dataDir = Path.of("target/reliability-embedded-postgres").toAbsolutePath();
        deleteRecursively(dataDir);
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        String issuer = oidc.start().get("keycloak.url") + "/realms/quarkus";
        Map<String, String> env = Map.of("MELDCODETOUR_EMBEDDED_DB_DATA_DIR", dataDir.toString());
        PackagedApp first = null;
        PackagedApp second = null;
        try {
            long firstStart = System.nanoTime();
            first = new PackagedApp(
                    PackagedApp.freePort(), null, issuer, "secret", "target/reliability-embedded-1.log", env);
            long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstStart);
            long orphan = postmasterPid(dataDir);
            first.kill();
            Thread.sleep(1000); // not just slow to die: still running a second later
            assertTrue(alive(orphan), "PostgreSQL outlives the killed application (zonky starts it as a daemon)");

            long start = System.nanoTime();
            second = new PackagedApp(
                    PackagedApp.freePort(), null, issuer, "secret", "target/reliability-embedded-2.log", env);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            HttpResponse<String> ready = http.send(
                    HttpRequest.newBuilder(URI.create(second.managementBase() + "/q/health/ready"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf(
                    "Reliability: after kill -9 with the embedded database, one start was ready in %,d ms"
                            + " (PostgreSQL pid %d left running, stopped by the start; the first start, on a new database: %,d ms;"
                            + " load average %.1f on %d cores)%n",
                    millis,
                    orphan,
                    firstMillis,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            assertEquals(200, ready.statusCode());
            assertEquals("UP", JSON.readTree(ready.body()).path("status").asText(), ready.body());
            assertFalse(alive(orphan), "the start stopped the PostgreSQL the killed run left behind");
            // 15 s is the goal (issue #28; docs/operations.md has the measurements). On cores shared with other builds
            // any start of the application can take longer (at a load of 6-13 on 2 cores 17-27 s for the first start,
            // which also made the database, and about as long after the kill), so the bound is also half as much again
            // as this machine's own first start: stopping the left-over PostgreSQL must not add more than the load's
            // noise. Without the orphan handling the start fails after a minute on PostgreSQL's lock file.
            long budget = Math.max(15_000, firstMillis * 3 / 2);
            assertTrue(millis < budget, "ready " + millis + " ms after the start (at most " + budget + " ms)");
            productionSettingsOfTheEmbeddedServer(dataDir);

            long server = postmasterPid(dataDir);
            second.close();
            // pg_ctl reports the server stopped once its pid file is gone, a moment before the process has exited
            assertTrue(exitsWithin(server, 30), "a normal stop stops PostgreSQL too (pid " + server + ")");
        } finally {
            for (PackagedApp app : new PackagedApp[] {first, second}) {
                if (app != null) {
                    app.close();
                }
            }
            stopPostmaster(dataDir);
            oidc.stop();
        }
    }

    /** The production profile's embedded server: every connection needs the generated password; fsync is on. */
    private static void productionSettingsOfTheEmbeddedServer(Path dataDir) throws Exception {
        String url = "jdbc:postgresql://localhost:"
                + Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).strip() + "/meldcodetour";
        Path passwordFile = dataDir.resolve("meldcodetour-password");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(passwordFile));
        var refused = assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection(url, "postgres", "").close());
        assertTrue(refused.getMessage().contains("password"), refused.getMessage());
        try (Connection c = DriverManager.getConnection(url, "postgres", Files.readString(passwordFile));
                ResultSet rs = c.createStatement().executeQuery("SHOW fsync")) {
            assertTrue(rs.next());
            assertEquals("on", rs.getString(1));
        }
    }

    /** The pid in postmaster.pid, or 0 when PostgreSQL removed the file (it does on a clean stop). */
    private static long postmasterPid(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        return Files.exists(pidFile)
                ? Long.parseLong(Files.readAllLines(pidFile).get(0).strip())
                : 0;
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean exitsWithin(long pid, int seconds) throws Exception {
        var process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        try {
            process.get().onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Whatever happened in the test: no PostgreSQL stays behind on the data directory. */
    private static void stopPostmaster(Path dataDir) throws Exception {
        long pid = postmasterPid(dataDir);
        if (alive(pid)) {
            ProcessHandle.of(pid)
                    .ifPresent(ProcessHandle::destroy); // SIGTERM: PostgreSQL's smart shutdown, nobody is connected
            if (!exitsWithin(pid, 30)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Starts an attempt and submits it, answering every question right when the draw allows it by chance. */
    private void submitOne(String token, Map<String, JsonNode> acknowledged) throws Exception {
        HttpResponse<String> started = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/modules/" + MODULE + "/attempts"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        statuses.merge("start " + started.statusCode(), 1, Integer::sum);
        if (started.statusCode() != 201) {
            return;
        }
        JsonNode attempt = JSON.readTree(started.body());
        Map<String, List<String>> answers = new HashMap<>();
        for (JsonNode q : attempt.path("quiz").path("questions")) {
            JsonNode options = q.path("options");
            answers.put(
                    q.path("id").asText(),
                    List.of(options.get(random.nextInt(options.size()))
                            .path("id")
                            .asText()));
        }
        String id = attempt.path("id").asText();
        HttpResponse<String> submitted = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/attempts/" + id + "/submission"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("answers", answers))))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        statuses.merge("submit " + submitted.statusCode(), 1, Integer::sum);
        if (submitted.statusCode() == 200) {
            acknowledged.put(id, JSON.readTree(submitted.body()).path("result"));
        }
    }

    private void start(Path jar, LocalPostgres pg) throws Exception {
        String secret = Base64.getEncoder()
                .encodeToString(UUID.randomUUID().toString().repeat(2).getBytes());
        // the identity provider is the WireMock-based test OIDC server; its tokens carry this issuer
        String javaHome = System.getProperty("packaged.java.home", System.getProperty("java.home")); // pom.xml
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(javaHome, "bin", "java").toString(),
                        "-Xmx256m",
                        "-Dquarkus.oidc.api.token.issuer=https://server.example.com",
                        "-jar",
                        jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        Path.of("target/reliability-app.log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("MANAGEMENT_HOST", "127.0.0.1");
        env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl("meldcodetour"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("OIDC_AUTH_SERVER_URL", oidcUrl + "/realms/quarkus");
        env.put("OIDC_CLIENT_SECRET", secret);
        env.put("OIDC_STATE_SECRET", secret);
        env.put("OIDC_TOKEN_ENCRYPTION_SECRET", secret + "x");
        env.put("PUBLIC_URL", "http://localhost:" + port);
        env.put("MAIL_FROM", "test@example.org");
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("MELDCODETOUR_REMINDERS_ENABLED", "false");
        env.put("MELDCODETOUR_RETENTION_ENABLED", "false");
        env.put("MELDCODETOUR_RATE_LIMIT_QUIZ_PER_MINUTE", "1000000");
        app = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(app.isAlive(), "the application stopped; see target/reliability-app.log");
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(
                                                        "http://127.0.0.1:" + managementPort + "/q/health/live"))
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100); // poll interval of a loop with a deadline
        }
        throw new AssertionError("the application did not start within 60 s; see target/reliability-app.log");
    }

    /** One request through the whole stack (token check, database) before the clocks start. */
    private void warmUp() throws Exception {
        String token = token("opwarmen-" + UUID.randomUUID());
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/api/modules"))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return;
            }
            Thread.sleep(100); // poll interval of a loop with a deadline
        }
        throw new AssertionError("the application does not answer; see target/reliability-app.log");
    }

    private String token(String subject) {
        return Tokens.token(subject, "onderwijs", Set.of("medewerker"));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
