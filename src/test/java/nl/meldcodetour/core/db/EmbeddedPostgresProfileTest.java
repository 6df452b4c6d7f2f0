/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The test profile keeps the embedded database fast: no fsync, no synchronous commit, no password (the production
 * profile's durable settings: {@link EmbeddedPostgresTest}, and the packaged application in ReliabilityIT).
 */
@QuarkusTest
class EmbeddedPostgresProfileTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "meldcodetour.embedded-db.data-dir")
    String dataDir;

    @Test
    void testsRunOnTheFastSettings() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertEquals("off", EmbeddedPostgresTest.show(c, "fsync"));
            assertEquals("off", EmbeddedPostgresTest.show(c, "synchronous_commit"));
        }
        assertFalse(
                Files.exists(Path.of(dataDir).resolve(EmbeddedPostgresPassword.FILE)),
                "no password in the test profile");
    }
}
