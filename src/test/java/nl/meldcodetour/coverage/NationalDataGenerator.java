/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import nl.meldcodetour.content.ContentLoader;
import nl.meldcodetour.core.db.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * Fills a database with a generated dataset for benchmarks (docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -Pgenerate-data -Dsize=national   # 1,000,000 professionals, 50,000 organisations, ~10,700,000 completions
 * ./mvnw -Pgenerate-data -Dsize=small      # 10,000 professionals, 500 organisations, ~107,000 completions
 * </pre>
 *
 * By default it creates a fresh embedded PostgreSQL in {@code data/postgres-national} (option {@code -DdataDir=...});
 * with {@code -DjdbcUrl=... -DdbUser=... -DdbPassword=...} it fills an existing, empty database instead. The schema
 * comes from the application's Flyway migrations; the figures of the dashboard are materialised with the same SQL as
 * the application ({@link CoverageSql}). Everything is generated inside PostgreSQL (generate_series): nothing is
 * streamed through Java. Names are invented ("Organisatie 123", "Gemeente 042"); no real person is in the data.
 */
public final class NationalDataGenerator {

    private NationalDataGenerator() {}

    public static void main(String[] args) throws Exception {
        String size = System.getProperty("size", "small");
        int professionals = Integer.getInteger("professionals", size.equals("national") ? 1_000_000 : 10_000);
        int organisations = Integer.getInteger("organisations", Math.max(50, professionals / 20));
        int gemeenten = Integer.getInteger("gemeenten", Math.max(6, Math.min(342, organisations / 100)));
        String url = System.getProperty("jdbcUrl");
        String user = System.getProperty("dbUser", "postgres");
        String password = System.getProperty("dbPassword", "");
        if (url == null) {
            Path dir = Path.of(System.getProperty("dataDir", "data/postgres-national"));
            // fast and without a password: bench/run.sh serves this directory with zonky's own settings (bench.Bench)
            var instance =
                    EmbeddedPostgres.startOnce(new EmbeddedPostgres.Settings(dir, OptionalInt.empty(), true, false));
            url = instance.jdbcUrl();
            user = instance.username();
            password = instance.password();
            System.out.println("Embedded PostgreSQL in " + dir.toAbsolutePath() + " (emptied first)");
        }
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            CoverageReferenceSync.write(c, ContentLoader.load(Path.of(System.getProperty("contentDir", "content"))));
            generate(c, professionals, organisations, gemeenten);
        }
        System.out.printf(
                "Done in %d s. Start the application on this data with:%n  ./mvnw quarkus:dev -Dmeldcodetour.embedded-db.data-dir=%s%n",
                (System.nanoTime() - started) / 1_000_000_000L,
                System.getProperty("dataDir", "data/postgres-national"));
        System.exit(0);
    }

    static void generate(Connection c, int professionals, int organisations, int gemeenten) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM organisation")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException(
                            "The database already has organisations; the generator only fills an empty one.");
                }
            }
            s.execute("SET work_mem = '512MB'");
            s.execute("SET maintenance_work_mem = '1GB'");
            s.execute("SET synchronous_commit = off");
            for (String t : List.of("organisation", "employment", "aandachtsfunctionaris", "completion", "person")) {
                s.execute("ALTER TABLE " + t + " DISABLE TRIGGER USER"); // figures are computed in bulk below
            }
            step(s, "organisations", """
                    INSERT INTO organisation (name, sector, gemeente, area, postcode, registered_on)
                    SELECT 'Organisatie ' || g,
                           (ARRAY['onderwijs','kinderopvang','gezondheidszorg','ouderenzorg','maatschappelijke-ondersteuning',
                                  'wijkteam','jeugdhulp','justitie','politie','onderwijs','kinderopvang','ouderenzorg'])[1 + g %% 12],
                           'Gemeente ' || lpad((1 + (g::bigint * 7919) %% %d)::text, 3, '0'),
                           'Wijk ' || (1 + (g::bigint * 31) %% 12),
                           (1000 + (g::bigint * 104729) %% 9000)::text,
                           current_date - (365 * 5 * random())::int
                    FROM generate_series(1, %d) g""".formatted(gemeenten, organisations));
            step(s, "aandachtsfunctionarissen", """
                    INSERT INTO aandachtsfunctionaris (organisation_id, name, email, start_date, end_date)
                    SELECT id, 'Aandachtsfunctionaris ' || id, 'af' || id || '@gen.example', start,
                           CASE WHEN random() < 0.15 THEN start + ((current_date - start) * random())::int END
                    FROM (SELECT id, registered_on + (200 * random())::int AS start FROM organisation WHERE random() < 0.72) o
                    WHERE start <= current_date""");
            step(s, "people", """
                    INSERT INTO person (subject, display_name, email, created_at, last_seen_at)
                    SELECT 'gen-' || g, 'Professional ' || g, 'p' || g || '@gen.example', now(), now()
                    FROM generate_series(1, %d) g""".formatted(professionals));
            s.execute("""
                    CREATE TEMP TABLE gen_function (sector varchar(64) PRIMARY KEY, function_id varchar(64)) ON COMMIT PRESERVE ROWS""");
            s.execute("""
                    INSERT INTO gen_function VALUES ('onderwijs', 'leerkracht'), ('kinderopvang', 'pedagogisch-medewerker'),
                      ('gezondheidszorg', 'huisarts'), ('ouderenzorg', 'wijkverpleegkundige'),
                      ('maatschappelijke-ondersteuning', 'wijkteammedewerker'), ('wijkteam', 'wijkteammedewerker'),
                      ('jeugdhulp', 'jeugdhulpverlener'), ('justitie', 'reclasseringswerker'), ('politie', 'wijkagent')""");
            // one job each; every 20th person has a second job elsewhere; every 13th job has ended
            step(s, "employments", """
                    INSERT INTO employment (organisation_id, name, email, person_id, function_id, start_date, end_date)
                    SELECT o.id, 'Professional ' || j.g, 'p' || j.g || '@gen.example', p.id, f.function_id, j.start,
                           CASE WHEN j.g %% 13 = 0 THEN j.start + ((current_date - j.start) * random())::int END
                    FROM (SELECT g, 1 + (g::bigint * 2654435761 %% %d) AS org, current_date - (30 + 1800 * random())::int AS start
                          FROM generate_series(1, %d) g
                          UNION ALL
                          SELECT g, 1 + ((g::bigint + 7) * 40503 %% %d), current_date - (30 + 900 * random())::int
                          FROM generate_series(20, %d, 20) g) j
                    JOIN organisation o ON o.id = j.org
                    JOIN gen_function f ON f.sector = o.sector
                    JOIN person p ON p.subject = 'gen-' || j.g""".formatted(organisations, professionals, organisations, professionals));
            // per person and required module 0 to 6 passes, a year apart, the latest within the last 500 days
            step(s, "completions", """
                    INSERT INTO completion (id, person_id, module_id, content_version, score, completed_at, valid_until)
                    SELECT gen_random_uuid(), x.person_id, x.module_id, 'gen', 80,
                           ((x.latest - 365 * i)::timestamp + time '10:00') AT TIME ZONE 'Europe/Amsterdam',
                           ((x.latest - 365 * i) + interval '1 year')::date
                    FROM (SELECT p.id AS person_id, r.module_id, current_date - (500 * random())::int AS latest,
                                 CASE WHEN random() < 0.08 THEN 0 ELSE 1 + floor(random() * 6)::int END AS k
                          FROM (SELECT DISTINCT ON (email) email, function_id FROM employment ORDER BY email, id) e
                          JOIN person p ON p.email = e.email
                          JOIN ref_required_module r ON r.function_id IN (e.function_id, '*')) x,
                         generate_series(0, x.k - 1) i""");
            for (String t : List.of("organisation", "employment", "aandachtsfunctionaris", "completion", "person")) {
                s.execute("ALTER TABLE " + t + " ENABLE TRIGGER USER");
            }
            step(s, "analyze", "ANALYZE");
        }
        materialise(c);
        try (Statement s = c.createStatement()) {
            step(s, "vacuum analyze", "VACUUM ANALYZE");
            for (String t :
                    List.of("organisation", "person", "employment", "completion", "coverage_org", "coverage_rollup")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                    System.out.printf("  %-16s %,12d rows%n", t, rs.getLong(1));
                }
            }
        }
    }

    /** Today and the last twelve quarter ends, computed for all organisations with the application's SQL. */
    static void materialise(Connection c) throws SQLException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        List<LocalDate> dates = new ArrayList<>(CoverageRefresher.quarterEnds(today));
        dates.add(today);
        for (LocalDate d : dates) {
            long t0 = System.nanoTime();
            CoverageRefresher.computeAll(c, d);
            try (PreparedStatement p = c.prepareStatement(CoverageSql.ROLLUP)) {
                p.setArray(1, c.createArrayOf("date", new Object[] {d}));
                p.setArray(2, c.createArrayOf("date", new Object[] {d}));
                p.setNull(3, Types.ARRAY);
                p.setNull(4, Types.ARRAY);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO coverage_date (ref_date, kind) VALUES (?, ?)")) {
                p.setObject(1, d);
                p.setString(2, d.equals(today) ? "today" : "quarter");
                p.executeUpdate();
            }
            System.out.printf("  coverage on %s: %d ms%n", d, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static void step(Statement s, String what, String sql) throws SQLException {
        long t0 = System.nanoTime();
        s.execute(sql);
        System.out.printf("  %-24s %,8d ms%n", what, (System.nanoTime() - t0) / 1_000_000);
    }
}
