/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Quality rules for the shipped content (issue #3): plain language, large enough question banks, enough scenario
 * questions, and a report in docs/content.md that matches the content.
 */
class ContentQualityTest {

    static final double MIN_READABILITY = 55;
    static final Map<Module.Kind, Integer> MIN_QUESTIONS =
            Map.of(Module.Kind.CORE, 25, Module.Kind.SECTOR, 40, Module.Kind.TOPIC, 25, Module.Kind.ROLE, 25);
    static final int MIN_SCENARIO_PERCENT = 30;
    static final String REPORT_START = "<!-- content-report:start -->";
    static final String REPORT_END = "<!-- content-report:end -->";

    final ContentCatalog catalog = ContentLoader.load(Path.of("content"));

    @Test
    void everyPageIsPlainLanguage() {
        List<String> tooHard = new ArrayList<>();
        for (Module m : catalog.modules()) {
            for (Page p : m.pages()) {
                double score = p.readability().score();
                if (score < MIN_READABILITY) {
                    tooHard.add(String.format(Locale.ROOT, "%s/%s: Flesch-Douma %.1f", m.id(), p.file(), score));
                }
            }
        }
        assertTrue(tooHard.isEmpty(), "pages below " + MIN_READABILITY + ": " + tooHard);
    }

    @Test
    void everyModuleHasAReadableVersion() {
        // issue #30, point 6: the certificate prints the module's version and date, not the content code
        List<String> without = catalog.modules().stream()
                .filter(m -> m.versionLabel().isEmpty())
                .map(Module::id)
                .toList();
        assertTrue(without.isEmpty(), "modules without version and versionDate in module.yml: " + without);
    }

    @Test
    void everyBankIsLargeEnough() {
        List<String> small = new ArrayList<>();
        for (Module m : catalog.modules()) {
            int min = MIN_QUESTIONS.get(m.kind());
            if (m.questions().size() < min) {
                small.add(m.id() + " (" + m.kind().id() + "): " + m.questions().size() + " < " + min);
            }
        }
        assertTrue(small.isEmpty(), "question banks too small: " + small);
    }

    @Test
    void enoughScenarioQuestions() {
        List<String> few = new ArrayList<>();
        for (Module m : catalog.modules()) {
            if (m.scenarioPercent() < MIN_SCENARIO_PERCENT) {
                few.add(m.id() + ": " + m.scenarioPercent() + "%");
            }
        }
        assertTrue(few.isEmpty(), "less than " + MIN_SCENARIO_PERCENT + "% scenario questions: " + few);
    }

    @Test
    void everySectorHasASectorModuleAndEveryoneTheCore() {
        List<String> uncovered = new ArrayList<>();
        for (Sector sector : catalog.sectors().values()) {
            List<Module> modules = catalog.modulesFor(Optional.of(sector.id()), Set.of("medewerker"));
            if (modules.stream().noneMatch(Module::core)) {
                uncovered.add(sector.id() + ": no core module");
            }
            if (modules.stream().noneMatch(m -> m.kind() == Module.Kind.SECTOR)) {
                uncovered.add(sector.id() + ": no sector module");
            }
        }
        assertTrue(uncovered.isEmpty(), "sectors without their modules: " + uncovered);
    }

    @Test
    void theModulesIssue3AsksForExist() {
        Map<String, Module.Kind> required = Map.ofEntries(
                Map.entry("meldcode-in-5-stappen", Module.Kind.CORE),
                Map.entry("onderwijs", Module.Kind.SECTOR),
                Map.entry("kinderopvang", Module.Kind.SECTOR),
                Map.entry("ouderenzorg", Module.Kind.SECTOR),
                Map.entry("politie", Module.Kind.SECTOR),
                Map.entry("jeugdhulp", Module.Kind.SECTOR),
                Map.entry("gezondheidszorg", Module.Kind.SECTOR),
                Map.entry("wijkteam", Module.Kind.SECTOR),
                Map.entry("ouderenmishandeling", Module.Kind.TOPIC),
                Map.entry("mensenhandel", Module.Kind.TOPIC),
                Map.entry("kindermishandeling", Module.Kind.TOPIC),
                Map.entry("partnergeweld", Module.Kind.TOPIC),
                Map.entry("eergerelateerd-geweld", Module.Kind.TOPIC),
                Map.entry("complexe-scheidingen", Module.Kind.TOPIC),
                Map.entry("gezinsprofielen", Module.Kind.TOPIC),
                Map.entry("aandachtsfunctionaris", Module.Kind.ROLE));
        List<String> missing = new ArrayList<>();
        required.forEach((id, kind) -> {
            if (catalog.module(id).map(m -> m.kind() != kind).orElse(true)) {
                missing.add(id + " (" + kind.id() + ")");
            }
        });
        assertTrue(missing.isEmpty(), "missing or of the wrong kind: " + missing);
    }

    @Test
    void theAandachtsfunctionarisHasARoleModule() {
        List<Module> forAf = catalog.modulesFor(Optional.empty(), Set.of("aandachtsfunctionaris"));
        assertTrue(
                forAf.stream().anyMatch(m -> m.kind() == Module.Kind.ROLE),
                "no role module for the aandachtsfunctionaris");
        List<Module> forOthers = catalog.modulesFor(Optional.empty(), Set.of("medewerker"));
        assertTrue(
                forOthers.stream().noneMatch(m -> m.kind() == Module.Kind.ROLE), "a role module leaks to medewerkers");
    }

    @Test
    void sourcesArePublicOrSeedsNotOurOwnNotes() {
        List<String> internal = new ArrayList<>();
        for (Module m : catalog.modules()) {
            m.questions().stream()
                    .filter(q -> q.source().toLowerCase(Locale.ROOT).contains("domeinbrief"))
                    .forEach(q -> internal.add(m.id() + "/" + q.id()));
        }
        catalog.routeMaps()
                .values()
                .forEach(map -> map.entries().stream()
                        .filter(e -> e.source().toLowerCase(Locale.ROOT).contains("domeinbrief"))
                        .forEach(e -> internal.add("routekaart/" + map.id() + ": " + e.name())));
        assertTrue(
                internal.isEmpty(),
                "cite the public source or seed a reviewer can follow, not the team's brief: " + internal);
    }

    @Test
    void everyBankNeedsKnowledgeToPass() {
        List<String> broken = new ArrayList<>();
        StringBuilder table = new StringBuilder(BankGate.tableHeader()).append('\n');
        for (Module m : catalog.modules()) {
            BankGate gate = BankGate.of(m);
            table.append(gate.tableRow()).append('\n');
            gate.problems().forEach(p -> broken.add(m.id() + ": " + p));
        }
        System.out.println("Question bank quality gate (issue #29)\n" + table);
        assertTrue(
                broken.isEmpty(),
                "question banks that can be passed without knowing:\n  " + String.join("\n  ", broken));
    }

    @Test
    void sourcesNameDocumentsNotSeedFiles() {
        Pattern internal = Pattern.compile("Seed \\d|\\bS\\d L\\d|\\bL\\d{2,}");
        List<String> found = new ArrayList<>();
        for (Module m : catalog.modules()) {
            m.questions().stream()
                    .filter(q -> internal.matcher(q.source()).find())
                    .forEach(q -> found.add(m.id() + "/" + q.id()));
        }
        catalog.routeMaps()
                .values()
                .forEach(map -> map.entries().stream()
                        .filter(e -> internal.matcher(e.source()).find())
                        .forEach(e -> found.add("routekaart/" + map.id() + ": " + e.name())));
        catalog.scan().groups().stream()
                .filter(g -> internal.matcher(g.source()).find())
                .forEach(g -> found.add("scan: " + g.id()));
        assertTrue(
                found.isEmpty(),
                "sources shown to users must name title, publisher and year, not a seed file or line: " + found);
    }

    @Test
    void aRefresherCanAskOtherQuestions() {
        for (Module m : catalog.modules()) {
            assertTrue(
                    m.questions().size() >= 2 * m.drawSize() || m.questions().size() - m.drawSize() >= 10,
                    m.id() + ": a bank of " + m.questions().size()
                            + " leaves too little for a different refresher draw of " + m.drawSize());
        }
    }

    @Test
    void docsReportMatchesTheContent() throws IOException {
        String docs = Files.readString(Path.of("docs/content.md"));
        int start = docs.indexOf(REPORT_START);
        int end = docs.indexOf(REPORT_END);
        assertTrue(
                start >= 0 && end > start, "docs/content.md needs the markers " + REPORT_START + " and " + REPORT_END);
        String actual = docs.substring(start + REPORT_START.length(), end).strip();
        String expected = report(catalog);
        if (Boolean.getBoolean("content.report.update") && !expected.equals(actual)) {
            Files.writeString(
                    Path.of("docs/content.md"),
                    docs.substring(0, start + REPORT_START.length()) + "\n" + expected + "\n" + docs.substring(end));
            return;
        }
        assertEquals(
                expected,
                actual,
                "docs/content.md is out of date: run ./mvnw test -Dtest=ContentQualityTest "
                        + "-Dcontent.report.update=true, or replace the table with the expected one");
    }

    /** The table in docs/content.md: per module kind, questions, scenario share, pages and readability. */
    static String report(ContentCatalog catalog) {
        StringBuilder b = new StringBuilder();
        b.append(
                "| module | kind | for | questions | scenario | per attempt | fixed order | with page | pages | Flesch-Douma (module) | lowest page |\n");
        b.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Module m : catalog.modules()) {
            String forWhom = switch (m.kind()) {
                case CORE -> "iedereen";
                case ROLE -> String.join(", ", m.roles().stream().sorted().toList());
                default -> String.join(", ", m.sectors().stream().sorted().toList());
            };
            double lowest = m.pages().stream()
                    .mapToDouble(p -> p.readability().score())
                    .min()
                    .orElse(100);
            long fixed = m.questions().stream().filter(q -> !q.shuffle()).count();
            long withPage = m.questions().stream().filter(q -> q.page() > 0).count();
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %d | %d%% | %d | %d | %d | %d | %.1f | %.1f |\n",
                    m.id(),
                    m.kind().id(),
                    forWhom,
                    m.questions().size(),
                    m.scenarioPercent(),
                    m.drawSize(),
                    fixed,
                    withPage,
                    m.pageCount(),
                    m.readability().score(),
                    lowest));
        }
        b.append(
                "\n\nQuality gate per bank (issue #29; the build fails when a bank breaks it, see \"Question quality\" above):\n\n");
        b.append(BankGate.tableHeader()).append('\n');
        catalog.modules().forEach(m -> b.append(BankGate.of(m).tableRow()).append('\n'));
        return b.toString().strip();
    }
}
