/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.db;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jboss.logging.Logger;

/**
 * Brings the database schema up to date at startup, before anything else uses the database.
 * <p>
 * Flyway's own migrate-at-start sets itself up, validates every migration and reads its history on every start, also
 * when there is nothing to do: about 6 % of a cold start (docs/benchmarks.md, Decisions: Schema gate at start).
 * Most starts are
 * that case: a restart, or another instance joining. So one query first asks the history table for the last applied
 * version; only when it is older than {@link #LATEST} (or the table is missing, or a migration failed) does Flyway run,
 * with its lock, so instances that start together on a new database migrate it once.
 * <p>
 * A newer version in the database (a newer release already migrated it during a rolling deploy) counts as current,
 * as Flyway's default treats such "future" migrations.
 */
@Singleton
public class SchemaMigration {

    /**
     * The version of the newest migration file in {@code src/main/resources/db/migration}, read from the class path
     * once, when this class is loaded: the names in the application jar's {@code db/migration}, about 3-5 ms of a
     * cold start in the packaged application (0.5 ms when warm), against the whole of Flyway's set-up that it spares.
     */
    public static final String LATEST =
            MigrationFiles.latest(SchemaMigration.class.getClassLoader()).getVersion();

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

    @Inject
    DataSource dataSource;

    @Inject
    Instance<Flyway> flyway;

    /** Right after the production configuration check (priority 1), before every observer that reads the database. */
    void onStart(@Observes @Priority(2) StartupEvent event) {
        migrateIfNeeded(dataSource, flyway::get);
    }

    /** Runs Flyway only when the schema is older than this release needs; returns whether it ran. */
    static boolean migrateIfNeeded(DataSource dataSource, Supplier<Flyway> flyway) {
        String applied = appliedVersion(dataSource);
        if (isCurrent(applied)) {
            LOG.debugf("Database schema is at version %s: no migration needed", applied);
            return false;
        }
        LOG.infof(
                "Database schema is at version %s, this release needs %s: migrating",
                applied == null ? "(none)" : applied, LATEST);
        flyway.get().migrate();
        return true;
    }

    /**
     * The last successfully applied version, or {@code null} when there is no history table, no applied migration or a
     * failed one (then Flyway must run, and will report the failure).
     */
    static String appliedVersion(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            // asked first, so that a new database does not log an error for the missing table
            try (ResultSet r = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
                if (!r.next() || !r.getBoolean(1)) {
                    return null;
                }
            }
            try (ResultSet r = s.executeQuery("""
                    SELECT bool_and(success),
                           (SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
                            ORDER BY installed_rank DESC LIMIT 1)
                    FROM flyway_schema_history""")) {
                r.next();
                return r.getBoolean(1) ? r.getString(2) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database's migration history", e);
        }
    }

    static boolean isCurrent(String appliedVersion) {
        return appliedVersion != null
                && MigrationVersion.fromVersion(appliedVersion).compareTo(MigrationVersion.fromVersion(LATEST)) >= 0;
    }
}
