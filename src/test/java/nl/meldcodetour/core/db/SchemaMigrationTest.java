package nl.meldcodetour.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The schema check at startup, on a real (embedded) PostgreSQL with the application's own migrations. */
class SchemaMigrationTest {

    @TempDir
    Path dataDir;

    @Test
    void latestIsTheNewestMigrationFile() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            MigrationVersion newest = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V[0-9._]+__.*\\.sql"))
                    .map(n -> MigrationVersion.fromVersion(n.substring(1, n.indexOf("__")).replace('_', '.')))
                    .max(Comparator.naturalOrder()).orElseThrow();
            assertEquals(newest, MigrationVersion.fromVersion(SchemaMigration.LATEST),
                    "a new migration was added: set SchemaMigration.LATEST to " + newest);
        }
    }

    @Test
    void flywayRunsOnANewDatabaseAndNotAgainOnACurrentOne() throws Exception {
        try (var pg = EmbeddedPostgres.startServer(new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), true, false))) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(pg.instance().jdbcUrl());
            ds.setUser("postgres");
            AtomicInteger flywayRuns = new AtomicInteger();
            Supplier<Flyway> flyway = () -> {
                flywayRuns.incrementAndGet();
                return Flyway.configure().dataSource(ds).locations("classpath:db/migration").load();
            };

            assertNull(SchemaMigration.appliedVersion(ds), "no history table yet");
            assertTrue(SchemaMigration.migrateIfNeeded(ds, flyway));
            assertEquals(SchemaMigration.LATEST, SchemaMigration.appliedVersion(ds));
            try (Connection c = ds.getConnection();
                    ResultSet r = c.createStatement().executeQuery("SELECT to_regclass('completion') IS NOT NULL")) {
                assertTrue(r.next() && r.getBoolean(1), "the migrations made the schema");
            }

            // a restart or a second instance: one query, no Flyway
            assertFalse(SchemaMigration.migrateIfNeeded(ds, flyway));
            assertEquals(1, flywayRuns.get());

            // an older schema (the newest migration's row gone): Flyway runs again and applies it
            try (Connection c = ds.getConnection()) {
                // undo what the newest migration did
                assertTrue(UNDO.containsKey(SchemaMigration.LATEST), "add to UNDO how to undo migration V" + SchemaMigration.LATEST);
                for (String statement : UNDO.get(SchemaMigration.LATEST)) {
                    c.createStatement().execute(statement);
                }
                c.createStatement().execute("DELETE FROM flyway_schema_history WHERE version = '" + SchemaMigration.LATEST + "'");
            }
            assertTrue(SchemaMigration.migrateIfNeeded(ds, flyway));
            assertEquals(2, flywayRuns.get());
            assertEquals(SchemaMigration.LATEST, SchemaMigration.appliedVersion(ds));

            // a failed migration in the history: Flyway must run, and it refuses to start with its own message
            try (Connection c = ds.getConnection()) {
                c.createStatement().execute("UPDATE flyway_schema_history SET success = false WHERE version = '"
                        + SchemaMigration.LATEST + "'");
            }
            assertNull(SchemaMigration.appliedVersion(ds));
            assertThrows(RuntimeException.class, () -> SchemaMigration.migrateIfNeeded(ds, flyway));
        }
    }

    /** Per migration version, the statements that undo it, so the test can make the schema one migration older. */
    static final java.util.Map<String, java.util.List<String>> UNDO = java.util.Map.of(
            "10", java.util.List.of("DROP INDEX completion_person_module_latest",
                    "CREATE INDEX completion_person_module ON completion (person_id, module_id)"),
            "11", java.util.List.of("DROP TABLE quiz_gate_lift", "DROP TABLE page_view", "DROP INDEX quiz_attempt_one_open",
                    "ALTER TABLE quiz_attempt DROP COLUMN draft_saved_at", "ALTER TABLE attempt_question DROP COLUMN option_order"),
            "12", java.util.List.of("ALTER TABLE tour_session DROP COLUMN trainer_person_id",
                    "ALTER TABLE aandachtsfunctionaris DROP COLUMN person_id", "ALTER TABLE employment DROP COLUMN person_id",
                    "DROP INDEX person_verified_email", "ALTER TABLE person DROP COLUMN email_verified",
                    "CREATE TRIGGER person_coverage AFTER UPDATE OF email ON person FOR EACH ROW "
                            + "WHEN (OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION coverage_mark_person()"));

    @Test
    void aNewerSchemaCountsAsCurrent() {
        assertTrue(SchemaMigration.isCurrent(SchemaMigration.LATEST));
        String newer = String.valueOf(Integer.parseInt(SchemaMigration.LATEST) + 1);
        assertTrue(SchemaMigration.isCurrent(newer), "a newer release already migrated during a rolling deploy");
        assertTrue(SchemaMigration.isCurrent(SchemaMigration.LATEST + ".1"));
        assertFalse(SchemaMigration.isCurrent(String.valueOf(Integer.parseInt(SchemaMigration.LATEST) - 1)));
        assertFalse(SchemaMigration.isCurrent("1"));
        assertFalse(SchemaMigration.isCurrent(null));
    }
}
