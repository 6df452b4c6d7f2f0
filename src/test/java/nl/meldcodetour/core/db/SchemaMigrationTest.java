/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

    /** The file names in the source tree's migration directory, sorted: what this test checks against. */
    static List<String> sourceFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", MigrationFiles.LOCATION))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** The versions of the migration files in the source tree, oldest first. */
    static List<MigrationVersion> sourceVersions() throws IOException {
        return sourceFiles().stream()
                .map(MigrationFiles::version)
                .filter(v -> v != null)
                .sorted()
                .toList();
    }

    @Test
    void latestIsTheNewestMigrationFile() throws Exception {
        List<MigrationVersion> versions = sourceVersions();
        assertFalse(versions.isEmpty(), "the migrations were found");
        assertEquals(versions.get(versions.size() - 1).getVersion(), SchemaMigration.LATEST);
        assertEquals(
                sourceFiles(),
                MigrationFiles.names(getClass().getClassLoader()),
                "the class path holds every migration file");
    }

    @Test
    void migrationFileNamesGiveTheirVersion() {
        assertEquals(MigrationVersion.fromVersion("7"), MigrationFiles.version("V7__sessions.sql"));
        assertEquals(MigrationVersion.fromVersion("1.2"), MigrationFiles.version("V1_2__x.sql"));
        assertNull(MigrationFiles.version("R__view.sql"), "repeatable migrations have no version");
        assertNull(MigrationFiles.version("V3_notes.txt"));
        assertNull(MigrationFiles.version("README.md"));
    }

    /**
     * The newest migration must be undoable (the test below makes the schema one migration older), and so is every
     * migration since the oldest {@link #UNDO} entry, so a new one cannot slip by while an older one is newest.
     */
    @Test
    void everyMigrationSinceTheOldestUndoHasOne() throws Exception {
        MigrationVersion oldestUndo = UNDO.keySet().stream()
                .map(MigrationVersion::fromVersion)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        List<String> missing = sourceFiles().stream()
                .filter(n -> MigrationFiles.version(n) != null
                        && MigrationFiles.version(n).compareTo(oldestUndo) >= 0)
                .filter(n -> !UNDO.containsKey(MigrationFiles.version(n).getVersion()))
                .toList();
        assertEquals(List.of(), missing, "add to SchemaMigrationTest.UNDO the statements that undo these migrations");
        List<MigrationVersion> versions = sourceVersions();
        List<String> unknown = UNDO.keySet().stream()
                .filter(v -> !versions.contains(MigrationVersion.fromVersion(v)))
                .sorted()
                .toList();
        assertEquals(List.of(), unknown, "UNDO entries without a migration file of that version");
    }

    @Test
    void flywayRunsOnANewDatabaseAndNotAgainOnACurrentOne() throws Exception {
        try (var pg = EmbeddedPostgres.startServer(
                new EmbeddedPostgres.Settings(dataDir, OptionalInt.empty(), true, false))) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(pg.instance().jdbcUrl());
            ds.setUser("postgres");
            AtomicInteger flywayRuns = new AtomicInteger();
            Supplier<Flyway> flyway = () -> {
                flywayRuns.incrementAndGet();
                return Flyway.configure()
                        .dataSource(ds)
                        .locations("classpath:db/migration")
                        .load();
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
                assertTrue(
                        UNDO.containsKey(SchemaMigration.LATEST),
                        "add to UNDO how to undo migration V" + SchemaMigration.LATEST);
                for (String statement : UNDO.get(SchemaMigration.LATEST)) {
                    c.createStatement().execute(statement);
                }
                c.createStatement()
                        .execute("DELETE FROM flyway_schema_history WHERE version = '" + SchemaMigration.LATEST + "'");
            }
            assertTrue(SchemaMigration.migrateIfNeeded(ds, flyway));
            assertEquals(2, flywayRuns.get());
            assertEquals(SchemaMigration.LATEST, SchemaMigration.appliedVersion(ds));

            // a failed migration in the history: Flyway must run, and it refuses to start with its own message
            try (Connection c = ds.getConnection()) {
                c.createStatement()
                        .execute("UPDATE flyway_schema_history SET success = false WHERE version = '"
                                + SchemaMigration.LATEST + "'");
            }
            assertNull(SchemaMigration.appliedVersion(ds));
            assertThrows(RuntimeException.class, () -> SchemaMigration.migrateIfNeeded(ds, flyway));
        }
    }

    /** Per migration version, the statements that undo it, so the test can make the schema one migration older. */
    static final Map<String, List<String>> UNDO = Map.of(
            "10",
                    List.of(
                            "DROP INDEX completion_person_module_latest",
                            "CREATE INDEX completion_person_module ON completion (person_id, module_id)"),
            "11",
                    List.of(
                            "DROP TABLE quiz_gate_lift",
                            "DROP TABLE page_view",
                            "DROP INDEX quiz_attempt_one_open",
                            "ALTER TABLE quiz_attempt DROP COLUMN draft_saved_at",
                            "ALTER TABLE attempt_question DROP COLUMN option_order"),
            "12",
                    List.of(
                            "ALTER TABLE tour_session DROP COLUMN trainer_person_id",
                            "ALTER TABLE aandachtsfunctionaris DROP COLUMN person_id",
                            "ALTER TABLE employment DROP COLUMN person_id",
                            "DROP INDEX person_verified_email",
                            "ALTER TABLE person DROP COLUMN email_verified",
                            "CREATE TRIGGER person_coverage AFTER UPDATE OF email ON person FOR EACH ROW "
                                    + "WHEN (OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION coverage_mark_person()"),
            "13",
                    List.of(
                            "DELETE FROM csv_import WHERE kind = 'register'",
                            "ALTER TABLE csv_import DROP CONSTRAINT csv_import_kind_check",
                            "ALTER TABLE csv_import ADD CONSTRAINT csv_import_kind_check CHECK (kind IN ('organisations', 'staff'))",
                            "DROP TABLE childcare_home",
                            "DROP INDEX organisation_kvk_unique",
                            "DELETE FROM organisation o WHERE source IS NOT NULL AND NOT EXISTS "
                                    + "(SELECT 1 FROM employment e WHERE e.organisation_id = o.id) AND NOT EXISTS "
                                    + "(SELECT 1 FROM aandachtsfunctionaris a WHERE a.organisation_id = o.id)",
                            "CREATE UNIQUE INDEX organisation_kvk_unique ON organisation (kvk_number, coalesce(vestigingsnummer, '')) "
                                    + "WHERE kvk_number IS NOT NULL",
                            "ALTER TABLE organisation DROP CONSTRAINT organisation_source_complete",
                            "DROP INDEX organisation_source_unique",
                            "ALTER TABLE organisation DROP COLUMN source_values, DROP COLUMN source_type, DROP COLUMN source_key, "
                                    + "DROP COLUMN source"),
            "14", List.of("DROP TABLE gemeente_scope"));

    @Test
    void aNewerSchemaCountsAsCurrent() throws Exception {
        assertTrue(SchemaMigration.isCurrent(SchemaMigration.LATEST));
        String newer = MigrationVersion.fromVersion(SchemaMigration.LATEST)
                .getMajor()
                .add(BigInteger.ONE)
                .toString();
        assertTrue(SchemaMigration.isCurrent(newer), "a newer release already migrated during a rolling deploy");
        assertTrue(SchemaMigration.isCurrent(SchemaMigration.LATEST + ".1"));
        List<MigrationVersion> versions = sourceVersions();
        assertFalse(
                SchemaMigration.isCurrent(versions.get(versions.size() - 2).getVersion()),
                "the migration before the newest");
        assertFalse(SchemaMigration.isCurrent("1"));
        assertFalse(SchemaMigration.isCurrent(null));
    }
}
