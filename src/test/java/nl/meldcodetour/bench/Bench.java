/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.meldcodetour.content.ContentCatalog;
import nl.meldcodetour.content.ContentLoader;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.testsupport.Quizzes;

/**
 * The helper of bench/run.sh (see docs/benchmarks.md). Commands:
 * <ul>
 * <li>{@code serve <dataDir> <outDir> <users>} – starts PostgreSQL on a generated data directory (the embedded
 * PostgreSQL 18 the data was made with) and the test OIDC server, writes {@code env} (JDBC URL, OIDC URL) and
 * signed bearer tokens for {@code users} professionals of the dataset (subjects gen-1…, with their real name and
 * e-mail, so the login mirror changes nothing) and one gemeente user, then runs until stopped;</li>
 * <li>{@code prepare-quiz <baseUrl> <outDir> <attempts>} – starts that many quiz attempts through the API, spread
 * over the users, and writes one submission per line for wrk (half of them all right, half all wrong);</li>
 * <li>{@code reset-statements <jdbcUrl>} – empties pg_stat_statements before the measured runs;</li>
 * <li>{@code explain <jdbcUrl> <file> <n>} – the n statements with the most total execution time in
 * pg_stat_statements, each with its plan ({@code EXPLAIN (GENERIC_PLAN)}: the plan for any parameter values), as
 * Markdown;</li>
 * <li>{@code check-quiz <jdbcUrl> <outDir>} – after the load: every submitted passed attempt has exactly one
 * completion, every failed one none; prints the counts and exits 1 otherwise;</li>
 * <li>{@code clean-quiz <jdbcUrl> <outDir>} – deletes the prepared attempts again, with their completions and
 * certificates, and vacuums those tables, so that every run starts from the same dataset (passes piling up over
 * runs made later runs measure a different database) without autovacuum working during the next scenario.</li>
 * </ul>
 */
public final class Bench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MODULE = "meldcode-in-5-stappen";

    private Bench() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "serve" -> serve(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            case "prepare-quiz" -> prepareQuiz(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            case "check-quiz" -> System.exit(checkQuiz(args[1], Path.of(args[2])) ? 0 : 1);
            case "clean-quiz" -> cleanQuiz(args[1], Path.of(args[2]));
            case "reset-statements" -> resetStatements(args[1]);
            case "explain" -> explain(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            default ->
                throw new IllegalArgumentException(
                        "serve | prepare-quiz | check-quiz | clean-quiz | reset-statements | explain");
        }
    }

    static void serve(Path dataDir, Path out, int users) throws Exception {
        Files.createDirectories(out);
        var pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .start();
        String jdbcUrl = pg.getJdbcUrl("postgres", "meldcodetour");
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        String oidcUrl = oidc.start().get("keycloak.url") + "/realms/quarkus";
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            oidc.stop();
            try {
                pg.close();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }));
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            c.createStatement().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        } catch (Exception e) {
            System.err.println("pg_stat_statements not available: " + e.getMessage());
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= users; i++) {
            tokens.add(token(
                    "gen-" + i, "Professional " + i, "p" + i + "@gen.example", "onderwijs", Set.of("medewerker")));
        }
        Files.write(out.resolve("medewerker-tokens.txt"), tokens);
        Files.writeString(
                out.resolve("gemeente-token.txt"),
                token("bench-gemeente", "Gemeente (benchmark)", "gemeente@bench.example", null, Set.of("gemeente"))
                        + "\n");
        Files.writeString(
                out.resolve("env"),
                "JDBC_URL=" + jdbcUrl + "\nOIDC_URL=" + oidcUrl + "\nPG_PORT=" + pg.getPort() + "\n");
        System.out.println("ready " + jdbcUrl + " " + oidcUrl);
        Thread.currentThread().join();
    }

    static String token(String subject, String name, String email, String sector, Set<String> roles) {
        Map<String, String> claims = new HashMap<>();
        claims.put("name", name);
        claims.put("email", email);
        if (sector != null) {
            claims.put("sector", sector);
        }
        // valid for a day: a series of runs must not outlive its tokens
        return Jwt.claims(new HashMap<String, Object>(claims))
                .subject(subject)
                .upn(subject)
                .issuer("https://server.example.com")
                .audience(Set.of("meldcodetour"))
                .groups(roles)
                .claim("sid", "sid-" + subject)
                .expiresIn(Duration.ofDays(1))
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }

    static void prepareQuiz(String base, Path out, int attempts) throws Exception {
        ContentCatalog content = ContentLoader.load(Path.of("content"));
        Module module = content.module(MODULE).orElseThrow();
        // one person per attempt: a person has one open attempt per module (issue #27), and every prepared one is
        // posted
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            tokens.add(token(
                    "quiz-" + run + "-" + i,
                    "Toetser " + i,
                    "quiz-" + run + "-" + i + "@gen.example",
                    "onderwijs",
                    Set.of("medewerker")));
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<String>> lines = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String token = tokens.get(i % tokens.size());
            boolean pass = i % 2 == 0;
            lines.add(pool.submit(() -> {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/modules/" + MODULE + "/attempts"))
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("start attempt: " + r.statusCode() + " " + r.body());
                }
                JsonNode attempt = JSON.readTree(r.body());
                Map<String, List<String>> answers = Quizzes.answers(attempt, module, pass);
                return token + "\t/api/attempts/" + attempt.path("id").asText() + "/submission\t"
                        + JSON.writeValueAsString(Map.of("answers", answers));
            }));
        }
        List<String> result = new ArrayList<>();
        for (Future<String> f : lines) {
            result.add(f.get());
        }
        pool.shutdown();
        Files.write(out.resolve("quiz-submissions.tsv"), result);
        System.out.println("prepared " + result.size() + " attempts");
    }

    static boolean checkQuiz(String jdbcUrl, Path out) throws Exception {
        List<String> ids = Files.readAllLines(out.resolve("quiz-submissions.tsv")).stream()
                .map(l -> l.split("\t")[1].replace("/api/attempts/", "").replace("/submission", ""))
                .toList();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            var st = c.prepareStatement("""
                    SELECT count(*) FILTER (WHERE a.submitted_at IS NOT NULL),
                           count(*) FILTER (WHERE a.passed),
                           count(*) FILTER (WHERE a.passed AND (SELECT count(*) FROM completion c WHERE c.attempt_id = a.id) = 1),
                           count(*) FILTER (WHERE a.passed AND (SELECT count(*) FROM completion c WHERE c.attempt_id = a.id) <> 1),
                           count(*) FILTER (WHERE NOT a.passed AND EXISTS (SELECT 1 FROM completion c WHERE c.attempt_id = a.id))
                    FROM quiz_attempt a WHERE a.id = ANY (?::uuid[])""");
            st.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long submitted = rs.getLong(1);
                long passed = rs.getLong(2);
                long right = rs.getLong(3);
                long wrongPassed = rs.getLong(4);
                long wrongFailed = rs.getLong(5);
                System.out.printf(
                        "submitted %d of %d prepared; passed %d, with exactly one completion %d; "
                                + "passed without exactly one completion %d; failed with a completion %d%n",
                        submitted, ids.size(), passed, right, wrongPassed, wrongFailed);
                return wrongPassed == 0 && wrongFailed == 0 && passed == right;
            }
        }
    }

    static void cleanQuiz(String jdbcUrl, Path out) throws Exception {
        List<String> ids = Files.readAllLines(out.resolve("quiz-submissions.tsv")).stream()
                .map(l -> l.split("\t")[1].replace("/api/attempts/", "").replace("/submission", ""))
                .toList();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            c.setAutoCommit(false);
            var attempts = c.createArrayOf("text", ids.toArray());
            int[] deleted = new int[3];
            String[] statements = {
                "DELETE FROM certificate t USING completion k WHERE k.id = t.completion_id AND k.attempt_id = ANY (?::uuid[])",
                "DELETE FROM completion WHERE attempt_id = ANY (?::uuid[])",
                "DELETE FROM quiz_attempt WHERE id = ANY (?::uuid[])"
            }; // attempt_question: ON DELETE CASCADE
            for (int i = 0; i < statements.length; i++) {
                try (var st = c.prepareStatement(statements[i])) {
                    st.setArray(1, attempts);
                    deleted[i] = st.executeUpdate();
                }
            }
            c.commit();
            // now, not by autovacuum during the next scenario (a run deletes ~80,000 attempts with 800,000 answers)
            c.setAutoCommit(true);
            c.createStatement().execute("VACUUM (ANALYZE) certificate, completion, attempt_question, quiz_attempt");
            System.out.printf(
                    "removed %d attempts, %d completions, %d certificates of the benchmark%n",
                    deleted[2], deleted[1], deleted[0]);
        }
    }

    static void resetStatements(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            c.createStatement().execute("SELECT pg_stat_statements_reset()");
        }
    }

    static void explain(String jdbcUrl, Path file, int n) throws Exception {
        StringBuilder md = new StringBuilder();
        // simple query protocol: EXPLAIN (GENERIC_PLAN) takes the $1 placeholders as they are
        try (Connection c = DriverManager.getConnection(jdbcUrl + "&preferQueryMode=simple", "postgres", "")) {
            var top = c.createStatement().executeQuery("""
                    SELECT query, calls, round(total_exec_time::numeric, 1), round(mean_exec_time::numeric, 3), rows
                    FROM pg_stat_statements
                    WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                      AND query ~* '^\\s*(select|insert|update|delete|with)' AND query !~* 'pg_stat_statements|pg_catalog|flyway'
                    ORDER BY total_exec_time DESC""" + " LIMIT " + n);
            int i = 0;
            while (top.next()) {
                i++;
                String query = top.getString(1);
                md.append("### ")
                        .append(i)
                        .append(". ")
                        .append(top.getLong(2))
                        .append(" calls, ")
                        .append(top.getString(3))
                        .append(" ms in total, ")
                        .append(top.getString(4))
                        .append(" ms per call, ")
                        .append(top.getLong(5))
                        .append(" rows\n\n```sql\n")
                        .append(query.strip())
                        .append("\n```\n\n```\n");
                try (var plan = c.createStatement().executeQuery("EXPLAIN (GENERIC_PLAN, COSTS OFF) " + query)) {
                    while (plan.next()) {
                        md.append(plan.getString(1)).append('\n');
                    }
                } catch (Exception e) {
                    md.append("(no plan: ")
                            .append(e.getMessage().lines().findFirst().orElse(""))
                            .append(")\n");
                }
                md.append("```\n\n");
            }
        }
        Files.writeString(file, md.toString());
        System.out.println("wrote " + file);
    }
}
