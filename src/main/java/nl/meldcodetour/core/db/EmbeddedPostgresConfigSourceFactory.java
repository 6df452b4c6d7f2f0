/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Adds the embedded-PostgreSQL configuration source only when no datasource URL is configured anywhere and
 * {@code meldcodetour.embedded-db.enabled} is not false.
 *
 * <p>Settings (all optional): {@code meldcodetour.embedded-db.data-dir} (default {@code target/embedded-pg} in dev
 * and test, {@code data/postgres} otherwise), {@code meldcodetour.embedded-db.port} (default: a free port),
 * {@code meldcodetour.embedded-db.clean} (wipe the data directory at start; the tests do),
 * {@code meldcodetour.embedded-db.durable} (default true: fsync, synchronous commit and a password; false in dev and test).
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue(EmbeddedPostgresConfigSource.URL))
                || "false".equalsIgnoreCase(value(context, "meldcodetour.embedded-db.enabled", "true"))) {
            return List.of();
        }
        String dataDir = value(context, "meldcodetour.embedded-db.data-dir", "data/postgres");
        String port = value(context, "meldcodetour.embedded-db.port", "");
        boolean clean = Boolean.parseBoolean(value(context, "meldcodetour.embedded-db.clean", "false"));
        // anything but an explicit false is durable: the fast settings are for development and tests only
        boolean durable = !"false".equalsIgnoreCase(value(context, "meldcodetour.embedded-db.durable", "true"));
        var settings = new EmbeddedPostgres.Settings(
                Path.of(dataDir).toAbsolutePath(),
                port.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port.trim())),
                clean,
                durable);
        return List.of(new EmbeddedPostgresConfigSource(settings));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(5);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return isSet(value) ? value.getValue() : fallback;
    }
}
