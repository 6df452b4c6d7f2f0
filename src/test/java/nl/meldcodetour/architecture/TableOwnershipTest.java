/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The table → owner map of docs/architecture.md, kept true (issue #31, point 1): every table of the migrations has an
 * owner, and SQL in a feature's Java code touches only its own tables and those the map lists it for ("also used by").
 * SQL is found in string literals and text blocks as {@code FROM|JOIN|INTO|UPDATE|TABLE <name>}.
 */
class TableOwnershipTest {

    static final Path DOC = Path.of("docs/architecture.md");
    static final Path MAIN = Path.of("src/main/java/nl/meldcodetour");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    record Entry(String owner, Set<String> users) {}

    /** "| `table` (V1) | owner (…) | feature r, feature rw (…); privacy rw |" rows; several tables may share a row. */
    static Map<String, Entry> documented() throws IOException {
        Map<String, Entry> map = new TreeMap<>();
        Pattern row =
                Pattern.compile("^\\| (`[a-z_]+`(?:, `[a-z_]+`)*) \\(V\\d+\\) \\| ([a-z.]+)[^|]*\\| ([^|]*)\\|\\s*$");
        Pattern use = Pattern.compile("\\b([a-z]+(?:\\.[a-z]+)?) (?:r|w|rw|r \\+ w)\\b");
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = row.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Set<String> users = new TreeSet<>();
            Matcher u = use.matcher(m.group(3).replaceAll("\\(.*?\\)", ""));
            while (u.find()) {
                users.add(u.group(1));
            }
            for (String table : m.group(1).replace("`", "").split(", ")) {
                map.put(table, new Entry(m.group(2), users));
            }
        }
        return map;
    }

    static Set<String> migratedTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)");
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = create.matcher(Files.readString(f));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            }
        }
        return tables;
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> missing = new TreeSet<>(migratedTables());
        missing.removeAll(documented().keySet());
        assertTrue(missing.isEmpty(), "tables without an owner in " + DOC + ": " + missing);
    }

    @Test
    void featuresTouchOnlyTheirOwnTablesAndTheDocumentedOnes() throws IOException {
        Map<String, Entry> map = documented();
        Pattern literal = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
        Pattern sql = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_]+)\\b");
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = MAIN.relativize(f.getParent() == null ? f : f.getParent());
                String feature = rel.toString().replace('/', '.');
                if (feature.isEmpty()) {
                    continue;
                }
                String text = Files.readString(f);
                Matcher l = literal.matcher(text);
                while (l.find()) {
                    String s = l.group(1) != null ? l.group(1) : l.group(2);
                    Matcher t = sql.matcher(s);
                    while (t.find()) {
                        String table = t.group(1).toLowerCase();
                        if (map.containsKey(table)) {
                            found.computeIfAbsent(table, k -> new TreeSet<>()).add(feature);
                        }
                    }
                }
            }
        }
        StringBuilder wrong = new StringBuilder();
        for (var e : found.entrySet()) {
            Entry owner = map.get(e.getKey());
            for (String feature : e.getValue()) {
                boolean own = feature.equals(owner.owner()) || feature.startsWith(owner.owner() + ".");
                boolean listed = owner.users().stream().anyMatch(u -> feature.equals(u) || feature.startsWith(u + "."));
                if (!own && !listed) {
                    wrong.append("\n  ")
                            .append(feature)
                            .append(" uses ")
                            .append(e.getKey())
                            .append(" (owner ")
                            .append(owner.owner())
                            .append(") in SQL, and the map does not list it");
                }
            }
        }
        assertEquals(
                "",
                wrong.toString(),
                "SQL across features that " + DOC + " does not document: go through the owner's Java API");
    }
}
