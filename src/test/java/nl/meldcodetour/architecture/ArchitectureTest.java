/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of docs/architecture.md, kept true (issue #31, point 1): the features' dependencies are the ones the
 * feature table names, no package cycles, no JAX-RS types outside the web layer, and no resource that uses another
 * resource.
 */
class ArchitectureTest {

    static final String ROOT = "nl.meldcodetour.";
    static final Path DOC = Path.of("docs/architecture.md");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.meldcodetour");
    }

    /** The feature table of docs/architecture.md: "| `feature` | what it does | the features it uses |". */
    static Map<String, Set<String>> documented() throws IOException {
        Map<String, Set<String>> table = new TreeMap<>();
        Pattern row = Pattern.compile("^\\| `([a-z]+(?:\\.[a-z]+)?)` \\|.*\\| ([^|]*)\\|\\s*$");
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = row.matcher(line);
            if (m.matches() && !line.contains("(V")) {
                Set<String> uses = new TreeSet<>();
                String cell = m.group(2).replaceAll("\\(.*?\\)", "");
                for (String word : cell.split(",")) {
                    String w = word.strip();
                    if (w.matches("[a-z]+(\\.[a-z]+)?")) {
                        uses.add(w);
                    }
                }
                table.put(m.group(1), uses);
            }
        }
        assertTrue(table.size() >= 10, "the feature table of " + DOC + " was not found: " + table);
        return table;
    }

    /** The feature a class belongs to: the longest documented feature its package starts with. */
    static Optional<String> feature(JavaClass c, Set<String> features) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT)) {
            return Optional.empty();
        }
        String rest = pkg.substring(ROOT.length());
        return features.stream()
                .filter(f -> rest.equals(f) || rest.startsWith(f + "."))
                .max(Comparator.comparingInt(String::length));
    }

    @Test
    void everyFeatureUsesExactlyTheFeaturesTheDocumentNames() throws IOException {
        Map<String, Set<String>> documented = documented();
        Map<String, Set<String>> actual = new TreeMap<>();
        Map<String, String> example = new TreeMap<>();
        Set<String> undocumentedPackages = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!c.getPackageName().startsWith(ROOT)) {
                continue; // nl.meldcodetour.Main starts the application and knows only core
            }
            Optional<String> from = feature(c, documented.keySet());
            if (from.isEmpty()) {
                undocumentedPackages.add(c.getPackageName());
                continue;
            }
            actual.computeIfAbsent(from.get(), f -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                feature(d.getTargetClass(), documented.keySet())
                        .filter(to -> !to.equals(from.get()))
                        .ifPresent(to -> {
                            actual.get(from.get()).add(to);
                            example.putIfAbsent(from.get() + " -> " + to, d.getDescription());
                        });
            }
        }
        assertTrue(
                undocumentedPackages.isEmpty(),
                "packages missing from the feature table of " + DOC + ": " + undocumentedPackages);
        StringBuilder wrong = new StringBuilder();
        for (String f : documented.keySet()) {
            Set<String> extra = new TreeSet<>(actual.getOrDefault(f, Set.of()));
            extra.removeAll(documented.get(f));
            Set<String> stale = new TreeSet<>(documented.get(f));
            stale.removeAll(actual.getOrDefault(f, Set.of()));
            for (String to : extra) {
                wrong.append("\n  ")
                        .append(f)
                        .append(" uses ")
                        .append(to)
                        .append(" but the table does not say so, e.g. ")
                        .append(example.get(f + " -> " + to));
            }
            for (String to : stale) {
                wrong.append("\n  ")
                        .append(f)
                        .append(" is documented to use ")
                        .append(to)
                        .append(", but does not");
            }
        }
        assertEquals("", wrong.toString(), "docs/architecture.md's feature table and the code disagree:");
    }

    @Test
    void noPackageCycles() {
        slices().matching("nl.meldcodetour.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** A JAX-RS resource (or a class nested in one): the web layer, where HTTP types belong. */
    static final DescribedPredicate<JavaClass> WEB =
            DescribedPredicate.describe("part of a resource or of core.web", c -> {
                JavaClass top = c;
                while (top.getEnclosingClass().isPresent()) {
                    top = top.getEnclosingClass().get();
                }
                return top.isAnnotatedWith(jakarta.ws.rs.Path.class)
                        || top.isAnnotatedWith(Provider.class)
                        || top.getPackageName().startsWith(ROOT + "core.web")
                        || isBeanParam(top);
            });

    /** A class holding a resource's parameters ({@code @BeanParam}): its fields carry {@code @QueryParam} and the like. */
    static boolean isBeanParam(JavaClass c) {
        return c.getFields().stream()
                .anyMatch(f -> f.getAnnotations().stream()
                        .anyMatch(a -> a.getRawType().getPackageName().equals("jakarta.ws.rs")
                                && a.getRawType().getSimpleName().endsWith("Param")));
    }

    @Test
    void onlyTheWebLayerKnowsHttp() {
        noClasses()
                .that(DescribedPredicate.not(WEB))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.ws.rs..")
                .because(
                        "services throw the domain exceptions of nl.meldcodetour.core; resources and core.web map them to HTTP")
                .check(classes);
    }

    @Test
    void noResourceUsesAnotherResource() {
        DescribedPredicate<JavaClass> resource =
                DescribedPredicate.describe("a resource", c -> c.isAnnotatedWith(jakarta.ws.rs.Path.class));
        for (JavaClass c : classes.that(resource)) {
            List<String> used = c.getDirectDependenciesFromSelf().stream()
                    .map(Dependency::getTargetClass)
                    .filter(t -> !t.equals(c) && resource.test(t))
                    // an alias root inherits its endpoints (coverage's /api/audit, deprecated)
                    .filter(t -> c.getRawSuperclass().map(s -> !s.equals(t)).orElse(true))
                    .map(JavaClass::getName)
                    .distinct()
                    .toList();
            assertTrue(
                    used.isEmpty(),
                    c.getName() + " uses the resources " + used + ": move what they share into a service");
        }
    }
}
