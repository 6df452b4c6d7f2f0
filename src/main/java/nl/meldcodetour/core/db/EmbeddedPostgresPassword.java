/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The superuser password of the embedded PostgreSQL in production (issue #28, point 4): generated once, kept in
 * {@value #FILE} in the data directory (readable by the owner only), and required for every connection, local ones
 * too. zonky creates a cluster that trusts every local user; a cluster of an earlier release still does, and
 * {@link #requireFor} switches it over.
 */
final class EmbeddedPostgresPassword {

    static final String FILE = "meldcodetour-password";
    static final String HBA = "pg_hba.conf";

    /** pg_hba.conf once the password is required: the lines initdb writes for scram-sha-256, nothing trusted. */
    private static final List<String> PASSWORD_ONLY = List.of(
            "# Written by Meldcodetour: every connection needs the password in " + FILE + " (docs/operations.md).",
            "local   all             all                                     scram-sha-256",
            "host    all             all             127.0.0.1/32            scram-sha-256",
            "host    all             all             ::1/128                 scram-sha-256",
            "local   replication     all                                     scram-sha-256",
            "host    replication     all             127.0.0.1/32            scram-sha-256",
            "host    replication     all             ::1/128                 scram-sha-256");

    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedPostgresPassword() {}

    /** 256 random bits, URL-safe Base64: no character needs quoting in SQL or in a file. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The password kept in this file, if there is one. */
    static Optional<String> read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }

    /** Writes the password to a file that only its owner can read, without a moment in which it is half written. */
    static void write(Path file, String password) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, password);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether pg_hba.conf lets anyone in without a password (zonky's initdb writes {@code trust} for everyone). */
    static boolean trusts(Path dataDir) throws IOException {
        Path hba = dataDir.resolve(HBA);
        if (!Files.isRegularFile(hba)) {
            return false;
        }
        return Files.readAllLines(hba).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .anyMatch(l -> List.of(l.split("\\s+")).contains("trust"));
    }

    /**
     * Makes a running server that still trusts local users require the password: first the file (so that a crash
     * halfway leaves a password that the next start sets again), then the role's password, then pg_hba.conf, which the
     * server reloads. Each step may be repeated.
     */
    static void requireFor(Connection superuser, Path dataDir, String password) throws IOException, SQLException {
        if (read(dataDir.resolve(FILE)).filter(password::equals).isEmpty()) {
            write(dataDir.resolve(FILE), password);
        }
        try (var statement = superuser.createStatement()) {
            // generate() makes only [A-Za-z0-9_-]; ALTER ROLE takes no bind parameters
            statement.execute("ALTER ROLE " + superuser.getMetaData().getUserName() + " PASSWORD '" + password + "'");
            Files.write(dataDir.resolve(HBA), PASSWORD_ONLY);
            reload(statement);
        }
    }

    /**
     * Reloads the configuration and returns once it is in force: the server reloads pg_hba.conf before it tells its
     * backends, so when this backend's load time moves, every new connection is checked against the new file.
     */
    private static void reload(Statement statement) throws SQLException {
        Timestamp before = loadTime(statement);
        statement.execute("SELECT pg_reload_conf()");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!loadTime(statement).after(before)) {
            if (System.nanoTime() > deadline) {
                throw new SQLException("PostgreSQL did not reload its configuration within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while PostgreSQL reloads its configuration", e);
            }
        }
    }

    private static Timestamp loadTime(Statement statement) throws SQLException {
        try (var rs = statement.executeQuery("SELECT pg_conf_load_time()")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }
}
