/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One embedded PostgreSQL server per JVM (zonky binaries, no Docker), with its data in a directory that survives
 * restarts unless {@link Settings#clean()} asks for a fresh one. Stopped by a JVM shutdown hook. In production
 * ({@link Settings#durable()}) it writes through to disk and requires a password ({@link EmbeddedPostgresPassword}).
 */
public final class EmbeddedPostgres {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    private static final String USER = "postgres";
    private static final String DATABASE = "meldcodetour";

    /**
     * Where and how to run. {@code durable} (production): fsync and synchronous commit on, and every connection needs
     * the generated password kept in the data directory; otherwise (development, tests) fast and without a password.
     */
    public record Settings(Path dataDir, OptionalInt port, boolean clean, boolean durable) {}

    /** How to reach the running server. */
    public record Instance(String jdbcUrl, String username, String password, int port) {}

    private static Instance instance;

    private EmbeddedPostgres() {}

    /**
     * Starts the server the first time it is called in this JVM; later calls return the same instance. The
     * connection settings are also published as system properties, so that a later configuration (a Quarkus restart
     * in the same JVM: dev-mode reload, a test with another profile, a new class loader) sees a configured URL and
     * reuses this server instead of starting a second one on the same data directory.
     */
    public static synchronized Instance startOnce(Settings settings) {
        if (instance == null) {
            instance = start(settings);
            System.setProperty(EmbeddedPostgresConfigSource.URL, instance.jdbcUrl());
            System.setProperty(EmbeddedPostgresConfigSource.USERNAME, instance.username());
            System.setProperty(EmbeddedPostgresConfigSource.PASSWORD, instance.password());
        }
        return instance;
    }

    private static Instance start(Settings settings) {
        Running running = startServer(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "embedded-postgres-stop"));
        return running.instance();
    }

    /** A started server that the caller must close. */
    record Running(Instance instance, io.zonky.test.db.postgres.embedded.EmbeddedPostgres server)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    /** Starts a server that is not shared and not stopped automatically (for tests of the data directory). */
    static Running startServer(Settings settings) {
        Path dataDir = settings.dataDir();
        try {
            if (settings.clean()) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir);
            stopOrphan(dataDir);
            boolean initialised = Files.exists(dataDir.resolve("postgresql.conf"));
            boolean trusting = EmbeddedPostgresPassword.trusts(dataDir);
            Path passwordFile = dataDir.resolve(EmbeddedPostgresPassword.FILE);
            // initdb wants an empty directory, so it reads a new cluster's password from a file beside it; a start that
            // was killed before the password moved into the directory left it there
            Path initdbPasswordFile = dataDir.resolveSibling(dataDir.getFileName() + ".initdb-password");
            Optional<String> kept = EmbeddedPostgresPassword.read(passwordFile);
            if (kept.isEmpty() && initialised) {
                kept = EmbeddedPostgresPassword.read(initdbPasswordFile);
            }
            if (initialised && !trusting && kept.isEmpty()) {
                throw new IllegalStateException("Embedded PostgreSQL in " + dataDir + " requires a password, but "
                        + passwordFile + " is missing: restore it from a backup of the directory (or, if the database"
                        + " holds nothing yet, delete the directory)");
            }
            String password = kept.orElse(settings.durable() ? EmbeddedPostgresPassword.generate() : "");
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    // We manage the directory: zonky's own flag only cleans on close, and initdb refuses a non-empty
                    // one.
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    // the server's log joins the application's, and logs carry no personal data (docs/privacy.md,
                    // "Logs"):
                    // no DETAIL ("Key (email)=(x@y) already exists", "Failing row contains (...)") and no failed
                    // statement
                    .setServerConfig("log_error_verbosity", "terse")
                    .setServerConfig("log_min_error_statement", "panic");
            if (settings.durable()) {
                // zonky starts postgres with -F (fsync off) and synchronous_commit=off; a later -c setting wins
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (!password.isEmpty()) {
                builder.setConnectConfig("password", password);
            }
            if (!initialised && settings.durable()) {
                // zonky's initdb runs with "-A trust" and passes its locale settings on as --name=value: a later --auth
                // wins, so a new cluster requires the password from its first moment
                EmbeddedPostgresPassword.write(initdbPasswordFile, password);
                builder.setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", initdbPasswordFile.toString());
            }
            settings.port().ifPresent(builder::setPort);
            var pg = builder.start();
            if (settings.durable() && trusting) {
                LOG.warnf(
                        "Embedded PostgreSQL in %s trusted every local user: from now on it requires the password in %s",
                        dataDir, passwordFile);
                try (var connection = pg.getPostgresDatabase().getConnection()) {
                    EmbeddedPostgresPassword.requireFor(connection, dataDir, password);
                }
            } else if (!password.isEmpty()
                    && EmbeddedPostgresPassword.read(passwordFile).isEmpty()) {
                EmbeddedPostgresPassword.write(passwordFile, password);
            }
            Files.deleteIfExists(initdbPasswordFile);
            createDatabaseIfMissing(pg);
            String url = pg.getJdbcUrl(USER, DATABASE);
            LOG.infof(
                    "Embedded PostgreSQL started on port %d, data in %s (%s)",
                    pg.getPort(),
                    dataDir,
                    settings.durable()
                            ? "durable: fsync on, password required"
                            : "fast: fsync off, for development and tests");
            return new Running(new Instance(url, USER, password, pg.getPort()), pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start in " + dataDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Embedded PostgreSQL in " + dataDir + " could not be made to require a password", e);
        }
    }

    /**
     * PostgreSQL runs as a daemon of its own: after {@code kill -9} of the application it keeps running on the data
     * directory, and a new start waited a minute and failed on its lock file (issue #28, point 4). A postmaster still
     * running on this directory (the PID in {@code postmaster.pid}, a live {@code postgres} process) was started by an
     * earlier run of the application, so it is stopped: SIGINT is PostgreSQL's fast shutdown (clients are cut off,
     * everything committed is on disk); after 30 s SIGKILL, after which PostgreSQL recovers from its WAL on start. A
     * lock file whose process is gone is left to PostgreSQL, which removes it itself.
     */
    static void stopOrphan(Path dataDir) throws IOException {
        Path lock = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(lock)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(lock).get(0).strip());
        } catch (RuntimeException | IOException unreadable) {
            return;
        }
        var process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        LOG.warnf(
                "Embedded PostgreSQL (pid %d) still runs on %s from an earlier start that did not stop: stopping it",
                pid, dataDir);
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
            process.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.get().destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void createDatabaseIfMissing(io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg) {
        try (var connection = pg.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + DATABASE + " in embedded PostgreSQL", e);
        }
    }
}
