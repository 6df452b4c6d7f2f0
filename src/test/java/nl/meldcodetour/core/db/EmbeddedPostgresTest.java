/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartOnTheSameDirectory() throws Exception {
        var settings = new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), false, false);
        try (var first = EmbeddedPostgres.startServer(settings);
                var c = DriverManager.getConnection(first.instance().jdbcUrl(), "postgres", "")) {
            c.createStatement().execute("CREATE TABLE survives (v text)");
            c.createStatement().execute("INSERT INTO survives VALUES ('nog hier')");
        }
        try (var second = EmbeddedPostgres.startServer(settings);
                var c = DriverManager.getConnection(second.instance().jdbcUrl(), "postgres", "");
                var rs = c.createStatement().executeQuery("SELECT v, version() FROM survives")) {
            assertTrue(rs.next());
            assertEquals("nog hier", rs.getString(1));
            assertTrue(rs.getString(2).startsWith("PostgreSQL 18"), rs.getString(2));
        }
    }

    @Test
    void aServerLeftRunningByAKilledApplicationIsStoppedOnTheNextStart() throws Exception {
        // issue #28, point 4: after kill -9 of the JVM the postmaster kept running, and the next start failed after ~66
        // s
        var settings = new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), false, false);
        var orphan = EmbeddedPostgres.startServer(settings); // never closed: as if the application was killed
        // a killed JVM also loses zonky's in-process lock on the directory; this JVM lives on, so release it by hand
        for (String field : new String[] {"lock", "lockStream"}) {
            var f = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class.getDeclaredField(field);
            f.setAccessible(true);
            ((AutoCloseable) f.get(orphan.server())).close();
        }
        try (var c = DriverManager.getConnection(orphan.instance().jdbcUrl(), "postgres", "")) {
            c.createStatement().execute("CREATE TABLE committed (v text)");
            c.createStatement().execute("INSERT INTO committed VALUES ('bewaard')");
        }
        long pid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the orphan runs");
        long start = System.nanoTime();
        try (var next = EmbeddedPostgres.startServer(settings);
                var c = DriverManager.getConnection(next.instance().jdbcUrl(), "postgres", "");
                var rs = c.createStatement().executeQuery("SELECT v FROM committed")) {
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertTrue(rs.next());
            assertEquals("bewaard", rs.getString(1));
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the orphan was stopped");
            assertTrue(seconds < 15, "ready in " + seconds + " s");
        }
    }

    @Test
    void cleanStartsWithAnEmptyDatabase() throws Exception {
        var keep = new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), false, false);
        try (var first = EmbeddedPostgres.startServer(keep);
                var c = DriverManager.getConnection(first.instance().jdbcUrl(), "postgres", "")) {
            c.createStatement().execute("CREATE TABLE gone (v text)");
        }
        var clean = new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), true, false);
        try (var second = EmbeddedPostgres.startServer(clean);
                var c = DriverManager.getConnection(second.instance().jdbcUrl(), "postgres", "");
                var rs = c.createStatement().executeQuery("SELECT to_regclass('gone')")) {
            assertTrue(rs.next());
            assertEquals(null, rs.getString(1));
        }
    }

    @Test
    void durableServerWritesThroughAndRefusesConnectionsWithoutThePassword() throws Exception {
        // issue #28, point 4: the production server ran with fsync off and trusted every local user (superuser, no
        // password)
        var settings = new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), false, true);
        try (var pg = EmbeddedPostgres.startServer(settings)) {
            String url = pg.instance().jdbcUrl();
            String password = pg.instance().password();
            Path file = dataDir.resolve(EmbeddedPostgresPassword.FILE);
            assertEquals(password, Files.readString(file), "the generated password is kept in the data directory");
            assertTrue(password.length() >= 40, password);
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
            assertRefused(url, "");
            assertRefused(url, "wrong-" + password);
            try (var c = DriverManager.getConnection(url, "postgres", password)) {
                assertEquals("on", show(c, "fsync"));
                assertEquals("on", show(c, "synchronous_commit"));
                assertEquals(0, trustedRules(c), "pg_hba.conf trusts nobody, local socket included");
            }
        }
        assertFalse(
                Files.exists(dataDir.resolveSibling(dataDir.getFileName() + ".initdb-password")),
                "initdb's copy is gone");
        // a later start reads the same password
        try (var again = EmbeddedPostgres.startServer(settings);
                var c = DriverManager.getConnection(
                        again.instance().jdbcUrl(), "postgres", again.instance().password())) {
            assertEquals(
                    Files.readString(dataDir.resolve(EmbeddedPostgresPassword.FILE)),
                    again.instance().password());
            assertEquals("on", show(c, "fsync"));
        }
    }

    @Test
    void fastServerForDevelopmentAndTestsKeepsZonkysSettings() throws Exception {
        var settings = new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), false, false);
        try (var pg = EmbeddedPostgres.startServer(settings);
                var c = DriverManager.getConnection(pg.instance().jdbcUrl(), "postgres", "")) {
            assertEquals("off", show(c, "fsync"));
            assertEquals("off", show(c, "synchronous_commit"));
            assertFalse(Files.exists(dataDir.resolve(EmbeddedPostgresPassword.FILE)));
        }
    }

    @Test
    void aDirectoryThatTrustedEveryoneRequiresThePasswordFromTheFirstDurableStart() throws Exception {
        // a data directory of an earlier release (or of dev mode): initialised by zonky with "trust", no password file
        try (var old = EmbeddedPostgres.startServer(
                        new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), false, false));
                var c = DriverManager.getConnection(old.instance().jdbcUrl(), "postgres", "")) {
            c.createStatement().execute("CREATE TABLE kept (v text)");
            c.createStatement().execute("INSERT INTO kept VALUES ('nog hier')");
        }
        assertTrue(EmbeddedPostgresPassword.trusts(dataDir));
        String password;
        try (var durable = EmbeddedPostgres.startServer(
                new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), false, true))) {
            password = durable.instance().password();
            assertEquals(password, Files.readString(dataDir.resolve(EmbeddedPostgresPassword.FILE)));
            assertEquals(
                    PosixFilePermissions.fromString("rw-------"),
                    Files.getPosixFilePermissions(dataDir.resolve(EmbeddedPostgresPassword.FILE)));
            assertRefused(durable.instance().jdbcUrl(), "");
            try (var c = DriverManager.getConnection(durable.instance().jdbcUrl(), "postgres", password);
                    var rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
                assertTrue(rs.next());
                assertEquals("nog hier", rs.getString(1));
                assertEquals(0, trustedRules(c));
                assertEquals("on", show(c, "fsync"));
            }
        }
        assertFalse(EmbeddedPostgresPassword.trusts(dataDir));
        // dev mode on the same directory afterwards: fast, but with the kept password
        try (var fast = EmbeddedPostgres.startServer(
                        new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), false, false));
                var c = DriverManager.getConnection(
                        fast.instance().jdbcUrl(), "postgres", fast.instance().password())) {
            assertEquals(password, fast.instance().password());
            assertEquals("off", show(c, "fsync"));
            assertRefused(fast.instance().jdbcUrl(), "");
        }
    }

    @Test
    void aDirectoryThatRequiresAPasswordButLostItsFileSaysSo() throws Exception {
        var settings = new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), false, true);
        EmbeddedPostgres.startServer(settings).close();
        Files.delete(dataDir.resolve(EmbeddedPostgresPassword.FILE));
        var e = assertThrows(IllegalStateException.class, () -> EmbeddedPostgres.startServer(settings));
        assertTrue(e.getMessage().contains(EmbeddedPostgresPassword.FILE + " is missing"), e.getMessage());
    }

    @Test
    void aConfiguredUrlMeansNoEmbeddedDatabase() {
        var factory = new EmbeddedPostgresConfigSourceFactory();
        assertFalse(factory.getConfigSources(context(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/x")))
                .iterator()
                .hasNext());
        assertFalse(factory.getConfigSources(context(Map.of("meldcodetour.embedded-db.enabled", "false")))
                .iterator()
                .hasNext());
    }

    @Test
    void withoutAUrlTheSourceIsLazyAndAnswersOnlyDatasourceKeys() {
        var factory = new EmbeddedPostgresConfigSourceFactory();
        ConfigSource source = factory.getConfigSources(
                        context(Map.of("meldcodetour.embedded-db.data-dir", dataDir.toString())))
                .iterator()
                .next();
        // Enumerating must not start anything (this is what happens at build time).
        assertTrue(source.getPropertyNames().isEmpty());
        assertEquals(null, source.getValue("quarkus.http.port"));
    }

    @Test
    void theEmbeddedDatabaseIsDurableUnlessConfiguredOtherwise() {
        var factory = new EmbeddedPostgresConfigSourceFactory();
        assertTrue(settings(factory, Map.of()).durable(), "production's default");
        assertFalse(settings(factory, Map.of("meldcodetour.embedded-db.durable", "false"))
                .durable());
        assertTrue(
                settings(factory, Map.of("meldcodetour.embedded-db.durable", "ja"))
                        .durable(),
                "only an explicit false");
    }

    private EmbeddedPostgres.Settings settings(
            EmbeddedPostgresConfigSourceFactory factory, Map<String, String> values) {
        var all = new HashMap<>(values);
        all.put("meldcodetour.embedded-db.data-dir", dataDir.toString());
        return ((EmbeddedPostgresConfigSource)
                        factory.getConfigSources(context(all)).iterator().next())
                .settings();
    }

    private static void assertRefused(String url, String password) {
        var e = assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection(url, "postgres", password).close());
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    static String show(Connection c, String setting) throws SQLException {
        try (var rs = c.createStatement().executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int trustedRules(Connection c) throws SQLException {
        try (var rs = c.createStatement()
                .executeQuery("SELECT count(*) FROM pg_hba_file_rules WHERE auth_method = 'trust'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static ConfigSourceContext context(Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String value = values.get(name);
                return value == null
                        ? null
                        : ConfigValue.builder().withName(name).withValue(value).build();
            }

            @Override
            public List<String> getProfiles() {
                return List.of();
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }
}
