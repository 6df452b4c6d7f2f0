/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.operations;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.meldcodetour.testsupport.LocalPostgres;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops under load while the application runs: requests get 503 "Tijdelijk niet beschikbaar" with
 * Retry-After (never a 500, never a hang), readiness reports DOWN, and once PostgreSQL is back everything works again
 * without restarting the application. Runs against a PostgreSQL server of its own ({@link LocalPostgres}), because
 * the shared embedded test database cannot be stopped and started from here.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    static LocalPostgres postgres;

    /**
     * Starts the server before the application and points the datasource at it. The embedded test database publishes
     * its address as system properties (so Quarkus restarts reuse it); they are swapped for this server's and put back.
     */
    public static class Server implements QuarkusTestResourceLifecycleManager {
        static final List<String> KEYS =
                List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password");
        final Map<String, String> saved = new HashMap<>();

        @Override
        public Map<String, String> start() {
            for (String key : KEYS) {
                if (System.getProperty(key) != null) {
                    saved.put(key, System.getProperty(key));
                }
            }
            try {
                postgres = new LocalPostgres();
                try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "")) {
                    c.createStatement().execute("CREATE DATABASE meldcodetour");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Map<String, String> config = Map.of(
                    "quarkus.datasource.jdbc.url",
                    postgres.jdbcUrl("meldcodetour"),
                    "quarkus.datasource.username",
                    "postgres",
                    "quarkus.datasource.password",
                    "");
            config.forEach(System::setProperty);
            return config;
        }

        @Override
        public void stop() {
            KEYS.forEach(System::clearProperty);
            saved.forEach(System::setProperty);
            try {
                postgres.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Server.class));
        }
    }

    @Test
    void aDatabaseRestartUnderLoadGives503MeanwhileAndRecoversByItself() throws Exception {
        Tokens.TestUser user = Tokens.newUser("onderwijs", "medewerker");
        user.given().get("/api/modules").then().statusCode(200);

        // load: four clients reading their modules the whole time
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            Tokens.TestUser client = Tokens.newUser("onderwijs", "medewerker");
            load.submit(() -> {
                while (running.get()) {
                    statuses.merge(client.given().get("/api/modules").statusCode(), 1, Integer::sum);
                }
            });
        }
        await("the load is running").atMost(Duration.ofSeconds(10)).until(() -> statuses.getOrDefault(200, 0) >= 4);
        postgres.stop();
        long start = System.nanoTime();
        user.given()
                .get("/api/modules")
                .then()
                .statusCode(503)
                .header("Retry-After", "30")
                .body("title", containsString("Tijdelijk niet beschikbaar"));
        given().get("/verificatie/00000000000000000000")
                .then()
                .statusCode(503)
                .contentType("text/html")
                .body(containsString("Tijdelijk niet beschikbaar"))
                .body(containsString("Probeer het over een minuut opnieuw"));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        assertTrue((System.nanoTime() - start) / 1_000_000_000L < 20, "answers came without hanging");
        Thread.sleep(2000); // deliberate: the database stays away for a while under load
        postgres.start();

        // back without restarting the application
        await("the application recovers by itself")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> user.given().get("/api/modules").statusCode(), equalTo(200));
        Thread.sleep(1000); // deliberate: the load goes on for a second on the recovered database
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));
        given().get("/q/health/ready").then().statusCode(200);
        user.given().post("/api/modules/meldcode-in-5-stappen/attempts").then().statusCode(201);
        // under load, nothing but 200 and 503
        List<Integer> seen = new ArrayList<>(statuses.keySet());
        assertTrue(statuses.getOrDefault(503, 0) > 0 && statuses.getOrDefault(200, 0) > 0, statuses.toString());
        assertEquals(List.of(200, 503), seen.stream().sorted().toList(), "statuses under load: " + statuses);
        System.out.printf("Database restart under load: %s%n", statuses);
    }
}
