/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The versioned Flyway migrations ({@code V<version>__<description>.sql}) in {@code db/migration} on the class path,
 * listed by file name only: a directory (tests, dev mode) or a jar's central directory (the packaged application),
 * read once at startup, without Flyway's own set-up (docs/architecture.md, "Database").
 */
final class MigrationFiles {

    static final String LOCATION = "db/migration";

    private MigrationFiles() {}

    /** The version of a versioned migration's file name ({@code V1_2__x.sql} is 1.2), or {@code null} for any other. */
    static MigrationVersion version(String fileName) {
        int separator = fileName.indexOf("__");
        if (!fileName.startsWith("V") || separator < 2 || !fileName.endsWith(".sql")) {
            return null;
        }
        return MigrationVersion.fromVersion(fileName.substring(1, separator).replace('_', '.'));
    }

    /**
     * The file names in {@link #LOCATION} of the first class path entry that has it: the application's own jar or
     * classes directory, near the front of the class path. Not every entry ({@code getResources}): asking each of
     * the packaged application's 230 jars cost several milliseconds of every start.
     */
    static List<String> names(ClassLoader loader) {
        URL url = loader.getResource(LOCATION);
        if (url == null) {
            throw new IllegalStateException("No " + LOCATION + " on the class path");
        }
        List<String> names = new ArrayList<>();
        try {
            if ("file".equals(url.getProtocol())) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.forEach(f -> names.add(f.getFileName().toString()));
                }
            } else if ("jar".equals(url.getProtocol())) {
                // jar:file:/…/app.jar!/db/migration: the jar's entries directly under it
                String path = url.getPath();
                String prefix = LOCATION + "/";
                try (ZipFile jar = new ZipFile(
                        Path.of(new URI(path.substring(0, path.indexOf("!/")))).toFile())) {
                    for (ZipEntry entry : Collections.list(jar.entries())) {
                        String name = entry.getName();
                        if (name.startsWith(prefix)
                                && name.indexOf('/', prefix.length()) < 0
                                && name.length() > prefix.length()) {
                            names.add(name.substring(prefix.length()));
                        }
                    }
                }
            } else {
                throw new IllegalStateException("Cannot list the migrations at " + url);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the migrations at " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Could not list the migrations at " + url, e);
        }
        Collections.sort(names);
        return names;
    }

    /** The newest version among the migrations on the class path; fails when there is none. */
    static MigrationVersion latest(ClassLoader loader) {
        return names(loader).stream()
                .map(MigrationFiles::version)
                .filter(v -> v != null)
                .max(Comparator.naturalOrder())
                .orElseThrow(
                        () -> new IllegalStateException("No migration V<version>__<description>.sql in " + LOCATION));
    }
}
