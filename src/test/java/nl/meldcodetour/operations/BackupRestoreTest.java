/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.testsupport.LocalPostgres;
import nl.meldcodetour.testsupport.Quizzes;
import nl.meldcodetour.testsupport.Tokens;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The backup procedure of docs/operations.md, for real: {@code pg_dump -Fc} of a database with Meldcodetour's schema
 * and data, {@code pg_restore} into a fresh database, and every row of every table compared.
 *
 * <p>The embedded PostgreSQL 18 from Maven has no {@code pg_dump}, and Debian's {@code pg_dump} refuses a newer server,
 * so this test runs its own PostgreSQL server from the Debian packages ({@code postgresql}, installed by .ci/run):
 * Flyway creates the schema there and the test database's rows are copied into it before the dump.
 */
@QuarkusTest
class BackupRestoreTest {

    @Inject
    DataSource app;

    @Inject
    ContentService content;

    @Test
    void aDumpRestoresIntoAFreshDatabaseWithEveryRecord() throws Exception {
        // some of everything: a person with a pass, a certificate, an organisation
        Tokens.TestUser user = Tokens.newUser("onderwijs", "medewerker");
        Quizzes.pass(user, content.catalog().module("meldcode-in-5-stappen").orElseThrow());

        try (LocalPostgres pg = new LocalPostgres()) {
            String base = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/";
            try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", "")) {
                admin.createStatement().execute("CREATE DATABASE source");
                admin.createStatement().execute("CREATE DATABASE restored");
            }
            Flyway.configure()
                    .dataSource(base + "source", "postgres", "")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();

            // copy the application's rows into the source database
            Map<String, Long> copied = new LinkedHashMap<>();
            try (Connection from = app.getConnection();
                    Connection to = DriverManager.getConnection(base + "source", "postgres", "")) {
                to.createStatement()
                        .execute("SET session_replication_role = replica"); // no triggers, no FK order while copying
                List<String> tables = tables(from);
                to.createStatement().execute("TRUNCATE " + String.join(", ", tables));
                for (String table : tables) {
                    StringWriter rows = new StringWriter();
                    from.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table + " TO STDOUT", rows);
                    copied.put(
                            table,
                            to.unwrap(PGConnection.class)
                                    .getCopyAPI()
                                    .copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString())));
                }
                for (String table : identityTables(to)) {
                    to.createStatement()
                            .execute("SELECT setval(pg_get_serial_sequence('" + table
                                    + "', 'id'), coalesce(max(id), 0) + 1, false) FROM " + table);
                }
            }
            assertTrue(
                    copied.getOrDefault("person", 0L) > 0 && copied.getOrDefault("certificate", 0L) > 0,
                    copied.toString());

            // the documented procedure
            Path dump = pg.dir().resolve("meldcodetour.dump");
            pg.client("pg_dump", "-Fc", "-f", dump.toString(), "source");
            pg.client("pg_restore", "--exit-on-error", "--no-owner", "-d", "restored", dump.toString());

            // every record, compared by content
            try (Connection source = DriverManager.getConnection(base + "source", "postgres", "");
                    Connection restored = DriverManager.getConnection(base + "restored", "postgres", "")) {
                List<String> tables = tables(source);
                assertTrue(tables.size() >= 20, tables.toString());
                long rows = 0;
                for (String table : tables) {
                    String[] a = fingerprint(source, table);
                    String[] b = fingerprint(restored, table);
                    assertEquals(a[0], b[0], "rows in " + table);
                    assertEquals(a[1], b[1], "content of " + table);
                    rows += Long.parseLong(a[0]);
                }
                System.out.printf("Backup/restore: %d tables, %d rows restored identically%n", tables.size(), rows);
                // and the restored database works: a new row gets a fresh id, Flyway sees the schema as current
                restored.createStatement()
                        .execute(
                                "INSERT INTO organisation (name, sector, gemeente) VALUES ('Na herstel', 'onderwijs', 'Urk')");
                assertEquals(
                        0,
                        Flyway.configure()
                                .dataSource(base + "restored", "postgres", "")
                                .locations("classpath:db/migration")
                                .load()
                                .info()
                                .pending()
                                .length);
            }
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("""
                SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' ORDER BY tablename""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static List<String> identityTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("""
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name = 'id' AND is_identity = 'YES'""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** Row count and an md5 over all rows in a fixed order. */
    private static String[] fingerprint(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM " + table
                                + " t")) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }
}
