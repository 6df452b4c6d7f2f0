/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.db;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the JDBC URL, user and password of an embedded PostgreSQL when no datasource URL is configured.
 *
 * <p>The database is started lazily, on the first request for {@code quarkus.datasource.jdbc.url}, so merely
 * building the application or reading other configuration never starts a server. A URL configured anywhere else
 * (application.properties, environment, system property) has a higher ordinal and wins; then this source is never
 * asked and nothing starts ({@link EmbeddedPostgresConfigSourceFactory} does not even create this source then).
 * See {@link EmbeddedPostgres} for where the data lives.
 */
class EmbeddedPostgresConfigSource implements ConfigSource {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String USERNAME = "quarkus.datasource.username";
    static final String PASSWORD = "quarkus.datasource.password";
    /**
     * The password as application.properties hands it on: {@code quarkus.datasource.password=${...}}. Quarkus builds
     * the datasource's credentials only from names some source lists, and this source lists none (see
     * {@link #getPropertyNames()}); an expression is resolved by asking every source, so it reaches this one.
     */
    static final String EMBEDDED_PASSWORD = "meldcodetour.embedded-db.password";

    private static final Set<String> NAMES = Set.of(URL, USERNAME, PASSWORD, EMBEDDED_PASSWORD);

    private final EmbeddedPostgres.Settings settings;

    EmbeddedPostgresConfigSource(EmbeddedPostgres.Settings settings) {
        this.settings = settings;
    }

    EmbeddedPostgres.Settings settings() {
        return settings;
    }

    @Override
    public Set<String> getPropertyNames() {
        // Deliberately empty: listing the names would make Quarkus read (and so start) the database while it
        // merely enumerates configuration, e.g. at build time.
        return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!NAMES.contains(propertyName)) {
            return null;
        }
        EmbeddedPostgres.Instance db = EmbeddedPostgres.startOnce(settings);
        return switch (propertyName) {
            case URL -> db.jdbcUrl();
            case USERNAME -> db.username();
            case PASSWORD, EMBEDDED_PASSWORD -> db.password();
            default -> null;
        };
    }

    /** Below every real source (application.properties is 250, environment 300), above nothing. */
    @Override
    public int getOrdinal() {
        return 5;
    }

    @Override
    public String getName() {
        return "meldcodetour-embedded-postgresql";
    }
}
