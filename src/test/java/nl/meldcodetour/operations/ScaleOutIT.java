/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldcodetour.content.ContentLoader;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.db.SchemaMigration;
import nl.meldcodetour.testsupport.LocalPostgres;
import nl.meldcodetour.testsupport.PackagedApp;
import nl.meldcodetour.testsupport.Quizzes;
import nl.meldcodetour.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged application on one PostgreSQL, as behind a load balancer. Every request may land on
 * either, so nothing may live in one instance's memory:
 * <ul>
 * <li>a login (code flow) on instance A gives a session cookie that instance B accepts (OIDC state in cookies);</li>
 * <li>quizzes under load from 8 clients: started on one instance, submitted on the other, the submission replayed on
 * the first: the same result, and exactly one completion per passed attempt;</li>
 * <li>20 people register at once, on both, for a session with 5 places: 5 registered, 15 on the waitlist;</li>
 * <li>both instances run the reminder job every 2 s against one SMTP server: every reminder arrives once;</li>
 * <li>the first instance migrates the new database; the second finds the schema current and does not run Flyway.</li>
 * </ul>
 */
class ScaleOutIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MODULE = "meldcode-in-5-stappen";
    static final int REMINDERS = 20;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void twoInstancesOnOneDatabaseGiveCorrectResults() throws Exception {
        // the code-flow user's roles: quarkus.test.oidc.token.*-roles=medewerker in the failsafe configuration
        // (pom.xml)
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        String issuer = oidc.start().get("keycloak.url") + "/realms/quarkus";
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();
        try (LocalPostgres pg = new LocalPostgres()) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "")) {
                c.createStatement().execute("CREATE DATABASE meldcodetour");
            }
            String secret = Base64.getEncoder()
                    .encodeToString(UUID.randomUUID().toString().repeat(2).getBytes());
            Map<String, String> env = new HashMap<>();
            env.put("OIDC_ISSUER", "https://server.example.com");
            env.put("OIDC_CLIENT_ID", "quarkus-web-app");
            // the same cookie secrets on every instance: that is what makes a session valid everywhere
            env.put("OIDC_STATE_SECRET", secret);
            env.put("OIDC_TOKEN_ENCRYPTION_SECRET", secret + "x");
            // plain http in this test: the cookies cannot be Secure-only
            env.put("QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE", "false");
            env.put("SMTP_PORT", String.valueOf(smtpPort));
            env.put("SMTP_START_TLS", "DISABLED");
            env.put("SMTP_LOGIN", "DISABLED");
            env.put("MELDCODETOUR_REMINDERS_ENABLED", "true");
            env.put("MELDCODETOUR_REMINDERS_EVERY", "2s");
            env.put("MELDCODETOUR_RATE_LIMIT_QUIZ_PER_MINUTE", "1000000");
            String jdbc = pg.jdbcUrl("meldcodetour");
            try (PackagedApp a = new PackagedApp(freePort(), jdbc, issuer, "secret", "target/scale-out-a.log", env);
                    PackagedApp b =
                            new PackagedApp(freePort(), jdbc, issuer, "secret", "target/scale-out-b.log", env)) {
                List<String> instances = List.of(a.base(), b.base());
                schemaMigratedByTheFirstInstanceOnly();
                planReminders(jdbc);
                loginOnOneInstanceIsValidOnTheOther(a.base(), b.base());
                quizzesAcrossInstances(instances, jdbc);
                registrationsAcrossInstances(instances);
                everyReminderArrivesOnce(smtp, jdbc);
            }
        } finally {
            smtp.stop();
            oidc.stop();
        }
    }

    void loginOnOneInstanceIsValidOnTheOther(String a, String b) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> toProvider = browser.send(get(a + "/mijn-modules"), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, toProvider.statusCode());
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        String loginPage = browser.send(get(authorize), HttpResponse.BodyHandlers.ofString())
                .body();
        String provider = authorize.replaceAll("(https?://[^/]+).*", "$1");
        String back = browser.send(
                        get(provider + "/login?username=alice&password=alice&state=" + enc(attr(loginPage, "state"))
                                + "&redirect_uri="
                                + enc(URLDecoder.decode(attr(loginPage, "redirect_uri"), StandardCharsets.UTF_8))),
                        HttpResponse.BodyHandlers.ofString())
                .headers()
                .firstValue("Location")
                .orElseThrow();
        HttpResponse<String> session = browser.send(get(back), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, session.statusCode(), "the code exchange on instance A");
        // the session cookie made by A, on B
        HttpResponse<String> onB = browser.send(get(b + "/mijn-modules"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, onB.statusCode(), "instance B accepts the session of instance A");
        assertTrue(onB.body().contains("<h1>Mijn modules</h1>"), onB.body());
    }

    void quizzesAcrossInstances(List<String> instances, String jdbc) throws Exception {
        Module module = ContentLoader.load(Path.of("content")).module(MODULE).orElseThrow();
        Map<String, JsonNode> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        // at least 15 s, and on a busy machine longer until enough submissions went through (at most 3 minutes): the
        // test checks correctness under concurrent load, not throughput (that is the benchmarks' job)
        long minimum = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        long maximum = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int client = t;
            work.add(clients.submit(() -> {
                int n = 0;
                while (System.nanoTime() < minimum || (acknowledged.size() < 150 && System.nanoTime() < maximum)) {
                    n++;
                    String token = Tokens.token("scale-" + client + "-" + (n % 5), "onderwijs", Set.of("medewerker"));
                    String first = instances.get(n % 2);
                    String other = instances.get((n + 1) % 2);
                    try {
                        HttpResponse<String> started = http.send(
                                post(first + "/api/modules/" + MODULE + "/attempts", token, null),
                                HttpResponse.BodyHandlers.ofString());
                        assertEquals(201, started.statusCode(), started.body());
                        JsonNode attempt = JSON.readTree(started.body());
                        boolean pass = n % 3 != 0;
                        Map<String, List<String>> answers = Quizzes.answers(attempt, module, pass);
                        String body = JSON.writeValueAsString(Map.of("answers", answers));
                        String path = "/api/attempts/" + attempt.path("id").asText() + "/submission";
                        HttpResponse<String> submitted =
                                http.send(post(other + path, token, body), HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, submitted.statusCode(), submitted.body());
                        JsonNode result = JSON.readTree(submitted.body()).path("result");
                        HttpResponse<String> replay =
                                http.send(post(first + path, token, body), HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, replay.statusCode(), replay.body());
                        JsonNode replayed = JSON.readTree(replay.body()).path("result");
                        assertTrue(
                                result.equals(replayed),
                                "a replay on the other instance gives the same result: "
                                        + result.path("submittedAt") + " " + result.path("percentage") + " / "
                                        + replayed.path("submittedAt")
                                        + " " + replayed.path("percentage"));
                        assertEquals(pass, result.path("passed").asBoolean());
                        acknowledged.put(attempt.path("id").asText(), result);
                    } catch (Exception | AssertionError e) {
                        failures.incrementAndGet();
                        e.printStackTrace();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        clients.shutdown();
        assertEquals(0, failures.get(), "requests that failed");
        long passed = acknowledged.values().stream()
                .filter(r -> r.path("passed").asBoolean())
                .count();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("""
                        SELECT count(*) FILTER (WHERE a.passed),
                               count(*) FILTER (WHERE a.passed AND (SELECT count(*) FROM completion c WHERE c.attempt_id = a.id) <> 1),
                               (SELECT count(*) FROM completion c JOIN quiz_attempt q ON q.id = c.attempt_id WHERE NOT q.passed)
                        FROM quiz_attempt a WHERE a.submitted_at IS NOT NULL""")) {
            rs.next();
            System.out.printf("scale-out: %d submissions over two instances, %d passed%n", acknowledged.size(), passed);
            assertTrue(acknowledged.size() > 100, "load reached both instances: " + acknowledged.size());
            assertEquals(passed, rs.getLong(1), "passed attempts stored");
            assertEquals(0, rs.getLong(2), "passed attempts without exactly one completion");
            assertEquals(0, rs.getLong(3), "completions of failed attempts");
        }
    }

    void registrationsAcrossInstances(List<String> instances) throws Exception {
        String beheerder = Tokens.token("scale-beheerder", null, Set.of("beheerder"));
        LocalDateTime start = LocalDateTime.now().plusDays(14).truncatedTo(ChronoUnit.HOURS);
        String plan = JSON.writeValueAsString(Map.of(
                "title",
                "Meldcodetour schaaltest",
                "sectors",
                List.of("onderwijs"),
                "modules",
                List.of(MODULE),
                "startsAt",
                start.toString(),
                "endsAt",
                start.plusHours(2).toString(),
                "place",
                "Gemeentehuis",
                "capacity",
                5,
                "trainer",
                "Trainer"));
        HttpResponse<String> planned = http.send(
                post(instances.get(0) + "/api/sessions", beheerder, plan), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, planned.statusCode(), planned.body());
        long id = JSON.readTree(planned.body()).path("id").asLong();
        ExecutorService people = Executors.newFixedThreadPool(20);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String token = Tokens.token("scale-register-" + i, "onderwijs", Set.of("medewerker"));
            String instance = instances.get(i % 2);
            answers.add(people.submit(() -> http.send(
                            HttpRequest.newBuilder(URI.create(instance + "/api/sessions/" + id + "/registration"))
                                    .header("Authorization", "Bearer " + token)
                                    .PUT(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode()));
        }
        for (Future<Integer> f : answers) {
            assertEquals(200, f.get());
        }
        people.shutdown();
        JsonNode session = JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(instances.get(1) + "/api/sessions/" + id))
                                .header("Authorization", "Bearer " + beheerder)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertEquals(5, session.path("registered").asLong(), session.toString());
        assertEquals(15, session.path("waitlisted").asLong(), session.toString());
    }

    void schemaMigratedByTheFirstInstanceOnly() throws Exception {
        String first = Files.readString(Path.of("target/scale-out-a.log"));
        String second = Files.readString(Path.of("target/scale-out-b.log"));
        assertTrue(
                first.contains("this release needs " + SchemaMigration.LATEST + ": migrating")
                        && first.contains("Successfully applied"),
                "instance A should have migrated the new database");
        assertFalse(
                second.contains("migrating") || second.contains("org.flywaydb"),
                "instance B should have found the schema current without Flyway");
    }

    void planReminders(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
            for (int i = 0; i < REMINDERS; i++) {
                String email = "herinnering-" + i + "@scale.example.org";
                var person = c.prepareStatement(
                        "INSERT INTO person (subject, display_name, email) VALUES (?, ?, ?) RETURNING id");
                person.setString(1, "scale-reminder-" + i);
                person.setString(2, "Persoon " + i);
                person.setString(3, email);
                ResultSet rs = person.executeQuery();
                rs.next();
                var completion = c.prepareStatement("""
                        INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                        VALUES (?, ?, ?, 't', 90, now() - interval '300 days', ?)""");
                completion.setObject(1, UUID.randomUUID());
                completion.setLong(2, rs.getLong(1));
                completion.setString(3, MODULE);
                completion.setObject(4, LocalDate.now().plusDays(60));
                completion.executeUpdate();
            }
        }
    }

    void everyReminderArrivesOnce(GreenMail smtp, String jdbc) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && unsent(jdbc) > 0
                || smtp.getReceivedMessages().length < REMINDERS && System.nanoTime() < deadline) {
            Thread.sleep(500); // poll interval of a loop with a deadline
        }
        Thread.sleep(5000); // both jobs ran a few more times: nothing may come twice
        Map<String, Integer> perRecipient = new HashMap<>();
        for (var m : smtp.getReceivedMessages()) {
            perRecipient.merge(Arrays.toString(m.getAllRecipients()), 1, Integer::sum);
        }
        assertEquals(REMINDERS, perRecipient.size(), "every person got a reminder: " + perRecipient);
        assertTrue(perRecipient.values().stream().allMatch(n -> n == 1), "nobody got one twice: " + perRecipient);
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT sent_by, count(*) FROM mail_outbox WHERE sent_at IS NOT NULL GROUP BY sent_by")) {
            while (rs.next()) {
                System.out.printf("scale-out: %d mails sent by %s%n", rs.getLong(2), rs.getString(1));
            }
        }
    }

    static long unsent(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                ResultSet rs =
                        c.createStatement().executeQuery("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    static HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String attr(String html, String name) {
        Matcher m =
                Pattern.compile("name=\"" + name + "\"\\s+value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " not in " + html);
        return m.group(1);
    }
}
