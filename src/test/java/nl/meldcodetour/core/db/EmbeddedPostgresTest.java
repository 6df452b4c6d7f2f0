package nl.meldcodetour.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;

class EmbeddedPostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartOnTheSameDirectory() throws Exception {
        var settings = new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), false);
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
        // issue #28, point 4: after kill -9 of the JVM the postmaster kept running, and the next start failed after ~66 s
        var settings = new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), false);
        var orphan = EmbeddedPostgres.startServer(settings); // never closed: as if the application was killed
        // a killed JVM also loses zonky's in-process lock on the directory; this JVM lives on, so release it by hand
        for (String field : new String[] { "lock", "lockStream" }) {
            var f = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class.getDeclaredField(field);
            f.setAccessible(true);
            ((AutoCloseable) f.get(orphan.server())).close();
        }
        try (var c = DriverManager.getConnection(orphan.instance().jdbcUrl(), "postgres", "")) {
            c.createStatement().execute("CREATE TABLE committed (v text)");
            c.createStatement().execute("INSERT INTO committed VALUES ('bewaard')");
        }
        long pid = Long.parseLong(java.nio.file.Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
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
        var keep = new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), false);
        try (var first = EmbeddedPostgres.startServer(keep);
                var c = DriverManager.getConnection(first.instance().jdbcUrl(), "postgres", "")) {
            c.createStatement().execute("CREATE TABLE gone (v text)");
        }
        var clean = new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), true);
        try (var second = EmbeddedPostgres.startServer(clean);
                var c = DriverManager.getConnection(second.instance().jdbcUrl(), "postgres", "");
                var rs = c.createStatement().executeQuery("SELECT to_regclass('gone')")) {
            assertTrue(rs.next());
            assertEquals(null, rs.getString(1));
        }
    }

    @Test
    void aConfiguredUrlMeansNoEmbeddedDatabase() {
        var factory = new EmbeddedPostgresConfigSourceFactory();
        assertFalse(factory.getConfigSources(context(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db/x")))
                .iterator().hasNext());
        assertFalse(factory.getConfigSources(context(Map.of("meldcodetour.embedded-db.enabled", "false")))
                .iterator().hasNext());
    }

    @Test
    void withoutAUrlTheSourceIsLazyAndAnswersOnlyDatasourceKeys() {
        var factory = new EmbeddedPostgresConfigSourceFactory();
        ConfigSource source = factory.getConfigSources(context(Map.of("meldcodetour.embedded-db.data-dir", dataDir.toString())))
                .iterator().next();
        // Enumerating must not start anything (this is what happens at build time).
        assertTrue(source.getPropertyNames().isEmpty());
        assertEquals(null, source.getValue("quarkus.http.port"));
    }

    private static ConfigSourceContext context(Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String value = values.get(name);
                return value == null ? null : ConfigValue.builder().withName(name).withValue(value).build();
            }

            @Override
            public java.util.List<String> getProfiles() {
                return java.util.List.of();
            }

            @Override
            public java.util.Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }
}
