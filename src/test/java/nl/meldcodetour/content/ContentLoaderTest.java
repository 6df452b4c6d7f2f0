/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Content validation: a small valid tree, then one thing broken per test; every message names file and line. */
class ContentLoaderTest {

    @TempDir
    Path root;

    static final String SECTORS = """
            sectors:
              - id: onderwijs
                name: Onderwijs
              - id: gezondheidszorg
                name: Gezondheidszorg
              - id: ouderenzorg
                name: Ouderenzorg
                parent: gezondheidszorg
            """;

    static final String CORE_MODULE = """
            id: basis
            title: Basis
            kind: core
            refresherMonths: 12
            passMark: 80
            drawSize: 2
            pages:
              - 01-een.md
            """;

    static final String SECTOR_MODULE = """
            id: zorg
            title: Zorg
            kind: sector
            sectors: [gezondheidszorg]
            refresherMonths: 24
            passMark: 70
            drawSize: 1
            pages: [01-een.md]
            """;

    static final String QUIZ = """
            questions:
              - id: %1$s-1
                type: single
                text: Vraag een?
                options:
                  - id: a
                    text: Ja
                  - id: b
                    text: Nee
                correct: [a]
                feedback: Omdat.
                source: Bron 1
              - id: %1$s-2
                type: multiple
                text: Vraag twee?
                options:
                  - id: a
                    text: A
                    feedback: over A
                  - id: b
                    text: B
                    feedback: over B
                  - id: c
                    text: C
                    feedback: over C
                correct: [a, c]
                source: Bron 2
            """;

    @BeforeEach
    void writeValidContent() throws IOException {
        write("sectors.yml", SECTORS);
        write("modules/basis/module.yml", CORE_MODULE);
        write("modules/basis/01-een.md", "# Pagina een\n\nTekst met <script>alert(1)</script> erin.\n");
        write("modules/basis/quiz.yml", QUIZ.formatted("basis"));
        write("modules/zorg/module.yml", SECTOR_MODULE);
        write("modules/zorg/01-een.md", "# Zorg\n\nTekst.\n");
        write("modules/zorg/quiz.yml", QUIZ.formatted("zorg"));
        write("routekaart/_landelijk.yml", """
                id: landelijk
                name: Overal
                entries:
                  - name: Veilig Thuis
                    what: Advies en melden.
                    phone: 0800-2000
                    source: Bron
                """);
        write("routekaart/emmeloord.yml", """
                id: emmeloord
                name: Emmeloord
                entries:
                  - name: Wijkteam
                    what: Hulp.
                    source: Bron
                """);
        write("scan.yml", """
                title: Scan
                intro: Vink aan.
                groups:
                  - id: kind
                    title: Kind
                    source: Bron
                    items:
                      - id: bang
                        text: Het kind is bang.
                      - id: letsel
                        text: Het kind heeft letsel.
                """);
    }

    @Test
    void routekaartAndScanLoad() {
        ContentCatalog catalog = ContentLoader.load(root);
        assertEquals(
                "0800-2000", catalog.nationalRouteMap().entries().get(0).phone().orElseThrow());
        assertEquals(
                List.of("emmeloord"),
                catalog.gemeenteRouteMaps().stream().map(RouteMap::id).toList());
        assertEquals(2, catalog.scan().groups().get(0).items().size());
    }

    @Test
    void routekaartPhoneMustBeANumber() throws IOException {
        replace("routekaart/_landelijk.yml", "phone: 0800-2000", "phone: bel ons");
        assertProblem(onlyProblem(), "routekaart/_landelijk.yml", 6, "telefoonnummer 'bel ons' is geen geldig nummer");
    }

    @Test
    void routekaartEntryNeedsASource() throws IOException {
        replace("routekaart/emmeloord.yml", "    source: Bron\n", "");
        assertProblem(onlyProblem(), "routekaart/emmeloord.yml", 4, "verplicht veld 'source' ontbreekt");
    }

    @Test
    void routekaartFileNameMatchesId() throws IOException {
        replace("routekaart/emmeloord.yml", "id: emmeloord", "id: nagele");
        assertProblem(onlyProblem(), "routekaart/emmeloord.yml", 1, "moet 'nagele.yml' heten");
    }

    @Test
    void nationalNumbersAreRequired() throws IOException {
        Files.delete(root.resolve("routekaart/_landelijk.yml"));
        assertProblem(onlyProblem(), "routekaart/", 0, "'id: landelijk'");
    }

    @Test
    void scanItemIdsAreUnique() throws IOException {
        replace("scan.yml", "id: letsel", "id: bang");
        assertProblem(onlyProblem(), "scan.yml", 10, "punt 'bang' staat twee keer");
    }

    private void write(String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    private void replace(String file, String from, String to) throws IOException {
        String text = Files.readString(root.resolve(file));
        assertTrue(text.contains(from), "fixture does not contain: " + from);
        write(file, text.replace(from, to));
    }

    private List<ContentProblem> problems() {
        return assertThrows(ContentException.class, () -> ContentLoader.load(root))
                .problems();
    }

    private ContentProblem onlyProblem() {
        List<ContentProblem> problems = problems();
        assertEquals(1, problems.size(), "expected exactly one problem, got " + problems);
        return problems.get(0);
    }

    private static void assertProblem(ContentProblem p, String file, int line, String fragment) {
        assertEquals(file, p.file(), p.toString());
        assertEquals(line, p.line(), p.toString());
        assertTrue(p.message().contains(fragment), "'" + p.message() + "' should contain '" + fragment + "'");
    }

    @Test
    void validContentLoads() {
        ContentCatalog catalog = ContentLoader.load(root);
        assertEquals(2, catalog.modules().size());
        Module basis = catalog.module("basis").orElseThrow();
        assertEquals("Pagina een", basis.page(1).orElseThrow().title());
        assertEquals(2, basis.questions().size());
        assertEquals(
                Question.Type.MULTIPLE, basis.question("basis-2").orElseThrow().type());
        assertEquals(12, catalog.version().length());
    }

    @Test
    void rawHtmlInMarkdownIsEscapedNotRendered() {
        String html = ContentLoader.load(root)
                .module("basis")
                .orElseThrow()
                .page(1)
                .orElseThrow()
                .html();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void sectorModulesReachSubSectorsAndCoreReachesEveryone() {
        ContentCatalog catalog = ContentLoader.load(root);
        assertEquals(List.of("basis"), ids(catalog.modulesFor(Optional.empty(), Set.of())));
        assertEquals(List.of("basis"), ids(catalog.modulesFor(Optional.of("onderwijs"), Set.of("medewerker"))));
        assertEquals(List.of("basis", "zorg"), ids(catalog.modulesFor(Optional.of("gezondheidszorg"), Set.of())));
        assertEquals(List.of("basis", "zorg"), ids(catalog.modulesFor(Optional.of("ouderenzorg"), Set.of())));
    }

    private static List<String> ids(List<Module> modules) {
        return modules.stream().map(Module::id).toList();
    }

    @Test
    void roleModulesReachOnlyThatRole() throws IOException {
        write("modules/af/module.yml", """
                id: af
                title: Voor de aandachtsfunctionaris
                kind: role
                roles: [aandachtsfunctionaris]
                refresherMonths: 12
                passMark: 80
                drawSize: 1
                pages: [01-een.md]
                """);
        write("modules/af/01-een.md", "# AF\n\nTekst.\n");
        write("modules/af/quiz.yml", QUIZ.formatted("af"));
        ContentCatalog catalog = ContentLoader.load(root);
        assertEquals(
                List.of("af", "basis"),
                ids(catalog.modulesFor(Optional.empty(), Set.of("aandachtsfunctionaris"))).stream()
                        .sorted()
                        .toList());
        assertEquals(List.of("basis"), ids(catalog.modulesFor(Optional.empty(), Set.of("medewerker"))));
    }

    @Test
    void kindMustFitSectorsAndRoles() throws IOException {
        replace("modules/zorg/module.yml", "kind: sector", "kind: role");
        List<ContentProblem> problems = problems();
        assertTrue(
                problems.stream().anyMatch(p -> p.message().contains("heeft 'roles: [...]' nodig")),
                problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.message().contains("'sectors' hoort niet bij 'kind: role'")),
                problems.toString());
    }

    @Test
    void unknownKind() throws IOException {
        replace("modules/zorg/module.yml", "kind: sector", "kind: thema");
        assertProblem(onlyProblem(), "modules/zorg/module.yml", 3, "'kind' moet core, sector, topic of role zijn");
    }

    @Test
    void scenarioFlagIsReadAndChecked() throws IOException {
        replace("modules/basis/quiz.yml", "    type: single\n", "    type: single\n    scenario: true\n");
        Module basis = ContentLoader.load(root).module("basis").orElseThrow();
        assertTrue(basis.question("basis-1").orElseThrow().scenario());
        assertEquals(50, basis.scenarioPercent());
        replace("modules/basis/quiz.yml", "scenario: true", "scenario: ja");
        assertProblem(onlyProblem(), "modules/basis/quiz.yml", 4, "'scenario' moet true of false zijn");
    }

    @Test
    void shuffleAndPageAreReadAndChecked() throws IOException {
        Module basis = ContentLoader.load(root).module("basis").orElseThrow();
        assertTrue(
                basis.question("basis-1").orElseThrow().shuffle(),
                "options are shuffled unless the question says otherwise");
        assertEquals(0, basis.question("basis-1").orElseThrow().page());
        assertEquals(Module.DEFAULT_RETRY_COOLDOWN_MINUTES, basis.retryCooldownMinutes());
        replace(
                "modules/basis/quiz.yml",
                "    type: single\n",
                "    type: single\n    shuffle: false\n    page: 01-een.md\n");
        basis = ContentLoader.load(root).module("basis").orElseThrow();
        assertTrue(!basis.question("basis-1").orElseThrow().shuffle());
        assertEquals(1, basis.question("basis-1").orElseThrow().page());
        replace("modules/basis/quiz.yml", "shuffle: false", "shuffle: nee");
        assertProblem(onlyProblem(), "modules/basis/quiz.yml", 4, "'shuffle' moet true of false zijn");
        replace("modules/basis/quiz.yml", "shuffle: nee", "shuffle: false");
        replace("modules/basis/quiz.yml", "page: 01-een.md", "page: 09-bestaat-niet.md");
        assertProblem(
                onlyProblem(),
                "modules/basis/quiz.yml",
                5,
                "'page' van vraag 'basis-1' moet een pagina van deze module zijn (01-een.md)");
    }

    @Test
    void retryCooldownIsReadAndChecked() throws IOException {
        replace("modules/basis/module.yml", "drawSize: 2\n", "drawSize: 2\nretryCooldownMinutes: 30\n");
        assertEquals(30, ContentLoader.load(root).module("basis").orElseThrow().retryCooldownMinutes());
        replace("modules/basis/module.yml", "retryCooldownMinutes: 30", "retryCooldownMinutes: -1");
        assertProblem(
                onlyProblem(), "modules/basis/module.yml", 7, "'retryCooldownMinutes' moet tussen 0 en 10080 liggen");
    }

    @Test
    void theModulesOwnVersionIsReadAndChecked() throws IOException {
        replace(
                "modules/basis/module.yml",
                "drawSize: 2\n",
                "drawSize: 2\nversion: \"2.1\"\nversionDate: 2026-11-22\n");
        assertEquals(
                "2.1 (22 november 2026)",
                ContentLoader.load(root)
                        .module("basis")
                        .orElseThrow()
                        .versionLabel()
                        .orElseThrow());
        replace("modules/basis/module.yml", "versionDate: 2026-11-22", "versionDate: 22-11-2026");
        assertTrue(onlyProblem().message().contains("versionDate is een datum als 2026-11-22"));
        replace("modules/basis/module.yml", "versionDate: 22-11-2026\n", "");
        assertTrue(onlyProblem().message().contains("'version' en 'versionDate' horen bij elkaar"));
    }

    @Test
    void versionChangesWhenAnyFileChanges() throws IOException {
        String before = ContentLoader.load(root).version();
        replace("modules/zorg/01-een.md", "Tekst.", "Andere tekst.");
        assertNotEquals(before, ContentLoader.load(root).version());
    }

    @Test
    void duplicateQuestionIdAcrossModules() throws IOException {
        replace("modules/zorg/quiz.yml", "id: zorg-1", "id: basis-1");
        assertProblem(onlyProblem(), "modules/zorg/quiz.yml", 2, "vraag-id 'basis-1' komt al eerder voor");
    }

    @Test
    void questionWithoutCorrectOption() throws IOException {
        replace("modules/basis/quiz.yml", "    correct: [a]\n", "");
        assertProblem(onlyProblem(), "modules/basis/quiz.yml", 2, "heeft geen juist antwoord");
    }

    @Test
    void correctOptionThatDoesNotExist() throws IOException {
        replace("modules/basis/quiz.yml", "correct: [a]", "correct: [d]");
        assertProblem(onlyProblem(), "modules/basis/quiz.yml", 10, "juist antwoord 'd'");
    }

    @Test
    void singleChoiceWithTwoCorrectOptions() throws IOException {
        replace("modules/basis/quiz.yml", "correct: [a]", "correct: [a, b]");
        assertProblem(onlyProblem(), "modules/basis/quiz.yml", 10, "is 'single' maar heeft 2 juiste antwoorden");
    }

    @Test
    void questionWithOneOption() throws IOException {
        replace("modules/basis/quiz.yml", "      - id: b\n        text: Nee\n", "");
        assertProblem(onlyProblem(), "modules/basis/quiz.yml", 6, "minder dan 2 antwoordopties");
    }

    @Test
    void questionWithoutFeedback() throws IOException {
        replace("modules/basis/quiz.yml", "    feedback: Omdat.\n", "");
        assertProblem(onlyProblem(), "modules/basis/quiz.yml", 2, "heeft geen uitleg");
    }

    @Test
    void questionWithoutSource() throws IOException {
        replace("modules/basis/quiz.yml", "    source: Bron 1\n", "");
        assertProblem(onlyProblem(), "modules/basis/quiz.yml", 2, "verplicht veld 'source' ontbreekt");
    }

    @Test
    void unknownQuestionType() throws IOException {
        replace("modules/basis/quiz.yml", "type: single", "type: open");
        assertProblem(onlyProblem(), "modules/basis/quiz.yml", 3, "moet 'single' of 'multiple' zijn");
    }

    @Test
    void unknownSector() throws IOException {
        replace("modules/zorg/module.yml", "sectors: [gezondheidszorg]", "sectors: [zorgsector]");
        assertProblem(onlyProblem(), "modules/zorg/module.yml", 4, "onbekende sector 'zorgsector'");
    }

    @Test
    void missingPage() throws IOException {
        Files.delete(root.resolve("modules/basis/01-een.md"));
        assertProblem(onlyProblem(), "modules/basis/module.yml", 8, "pagina '01-een.md' bestaat niet");
    }

    @Test
    void pageOutsideTheModuleFolder() throws IOException {
        replace("modules/zorg/module.yml", "pages: [01-een.md]", "pages: [../basis/01-een.md]");
        assertProblem(onlyProblem(), "modules/zorg/module.yml", 8, "moet een .md-bestand in de modulemap zijn");
    }

    @Test
    void pageWithoutTitle() throws IOException {
        write("modules/zorg/01-een.md", "Tekst zonder kop.\n");
        assertProblem(onlyProblem(), "modules/zorg/01-een.md", 1, "begint niet met een titel");
    }

    @Test
    void misspelledField() throws IOException {
        replace("modules/zorg/module.yml", "passMark: 70", "passmark: 70");
        List<ContentProblem> problems = problems();
        assertProblem(problems.get(0), "modules/zorg/module.yml", 6, "onbekend veld 'passmark'");
        assertProblem(problems.get(1), "modules/zorg/module.yml", 1, "verplicht veld 'passMark' ontbreekt");
    }

    @Test
    void numberOutOfRange() throws IOException {
        replace("modules/zorg/module.yml", "passMark: 70", "passMark: 170");
        assertProblem(onlyProblem(), "modules/zorg/module.yml", 6, "tussen 1 en 100");
    }

    @Test
    void drawSizeLargerThanBank() throws IOException {
        replace("modules/zorg/module.yml", "drawSize: 1", "drawSize: 3");
        assertProblem(onlyProblem(), "modules/zorg/module.yml", 7, "drawSize 3 is groter dan het aantal vragen");
    }

    @Test
    void moduleIdMustMatchFolder() throws IOException {
        replace("modules/zorg/module.yml", "id: zorg", "id: zorgmodule");
        assertProblem(onlyProblem(), "modules/zorg/module.yml", 1, "moet gelijk zijn aan de mapnaam 'zorg'");
    }

    @Test
    void brokenYamlNamesTheLine() throws IOException {
        replace("modules/basis/quiz.yml", "    text: Vraag een?", "    text: [Vraag een?");
        ContentProblem p = problems().get(0);
        assertEquals("modules/basis/quiz.yml", p.file());
        assertTrue(p.line() >= 4, p.toString());
        assertTrue(p.message().startsWith("geen geldige YAML"), p.toString());
    }

    /** An alias bomb ("billion laughs") is refused at the line where it exceeds the limit, without expanding it. */
    @Test
    void manyAliasesAreRefused() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
            }
            bomb.append("]\n");
        }
        replace("modules/zorg/module.yml", "title: Zorg\n", "title: Zorg\n" + bomb);
        ContentProblem p = onlyProblem();
        assertEquals("modules/zorg/module.yml", p.file());
        assertTrue(p.line() >= 3 && p.line() <= 14, p.toString());
        assertEquals("geen geldige YAML: meer dan 10 verwijzingen (*naam) naar een lijst of blok", p.message());
    }

    @Test
    void duplicateKey() throws IOException {
        replace("modules/zorg/module.yml", "title: Zorg\n", "title: Zorg\ntitle: Nog eens\n");
        assertProblem(onlyProblem(), "modules/zorg/module.yml", 3, "veld 'title' staat twee keer");
    }

    @Test
    void notUtf8() throws IOException {
        Files.write(root.resolve("modules/zorg/01-een.md"), new byte[] {'#', ' ', (byte) 0xE9, 't', 'e', '\n'});
        assertProblem(onlyProblem(), "modules/zorg/01-een.md", 0, "geen UTF-8");
    }

    @Test
    void unknownParentSector() throws IOException {
        replace("sectors.yml", "parent: gezondheidszorg", "parent: zorg");
        assertProblem(onlyProblem(), "sectors.yml", 8, "onbekende bovenliggende sector 'zorg'");
    }

    @Test
    void noCoreModule() throws IOException {
        replace("modules/basis/module.yml", "kind: core", "kind: sector\nsectors: [onderwijs]");
        assertProblem(onlyProblem(), "modules/", 0, "geen enkele module heeft 'kind: core'");
    }

    @Test
    void reportsAllProblemsAtOnceWithFileAndLineInTheMessage() throws IOException {
        replace("modules/basis/quiz.yml", "correct: [a]", "correct: [z]");
        replace("modules/zorg/module.yml", "sectors: [gezondheidszorg]", "sectors: [nergens]");
        ContentException e = assertThrows(ContentException.class, () -> ContentLoader.load(root));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("modules/basis/quiz.yml:10:"), e.getMessage());
        assertTrue(e.getMessage().contains("modules/zorg/module.yml:4:"), e.getMessage());
    }

    // ---------------------------------------------------------------- functions.yml: the requirement matrix

    static final String FUNCTIONS = """
            defaults:
              dueWeeks: 6
              graceDays: 7
            functions:
              - id: verpleegkundige
                name: Verpleegkundige
                sector: gezondheidszorg
                modules:
                  - zorg
                  - module: basis
                    dueWeeks: 4
                    validityMonths: 24
                    windowDays: 30
                    graceDays: 14
            """;

    @Test
    void functionsListModulesByIdOrWithOverrides() throws IOException {
        write("functions.yml", FUNCTIONS);
        ContentCatalog catalog = ContentLoader.load(root);
        JobFunction f = catalog.function("verpleegkundige").orElseThrow();
        assertEquals(List.of("zorg", "basis"), f.modules());
        assertEquals(new Requirement.Defaults(6, 60, 7), catalog.requirementDefaults());
        assertEquals(
                List.of(new Requirement("basis", 4, 24, 30, 14), new Requirement("zorg", 6, 24, 60, 7)),
                catalog.requirementsFor(f),
                "display order; zorg by id: the defaults and its own refresherMonths");
    }

    @Test
    void aPlainListOfModulesStillWorksWithTheBuiltInDefaults() throws IOException {
        write("functions.yml", """
                functions:
                  - id: verpleegkundige
                    name: Verpleegkundige
                    sector: gezondheidszorg
                    modules: [zorg]
                """);
        ContentCatalog catalog = ContentLoader.load(root);
        assertEquals(Requirement.Defaults.BUILT_IN, catalog.requirementDefaults());
        assertEquals(
                List.of(new Requirement("basis", 8, 12, 60, 0), new Requirement("zorg", 8, 24, 60, 0)),
                catalog.requirementsFor(catalog.function("verpleegkundige").orElseThrow()),
                "the core module is required without being listed");
    }

    /** One thing wrong in {@link #FUNCTIONS} per row: the replaced text, the line reported and the message. */
    static Stream<Arguments> brokenRequirements() {
        return Stream.of(
                Arguments.of("module: basis", "module: basics", 10, "onbekende module 'basics'"),
                Arguments.of("dueWeeks: 4", "dueWeeks: -2", 11, "'dueWeeks' moet tussen 0 en 104 liggen, maar is -2"),
                Arguments.of("dueWeeks: 4", "dueweeks: 4", 11, "onbekend veld 'dueweeks'"),
                Arguments.of("graceDays: 14", "graceDays: 1000", 14, "'graceDays' moet tussen 0 en 365 liggen"),
                Arguments.of(
                        "validityMonths: 24",
                        "validityMonths: 1",
                        13,
                        "venster voor een herhaling (30 dagen) is niet korter dan de geldigheid (1 maand)"),
                Arguments.of(
                        "  graceDays: 7",
                        "  graceDays: 7\n  windowDays: 340",
                        2,
                        "standaardvenster voor een herhaling (340 dagen) is niet korter dan de geldigheid van"
                                + " module 'basis'"),
                Arguments.of("      - zorg\n", "      - zorg\n      - zorg\n", 10, "module 'zorg' staat twee keer"));
    }

    @ParameterizedTest(name = "{1}: line {2}")
    @MethodSource("brokenRequirements")
    void aBrokenRequirementNamesFileAndLine(String from, String to, int line, String fragment) throws IOException {
        assertTrue(FUNCTIONS.contains(from), "fixture does not contain: " + from);
        write("functions.yml", FUNCTIONS.replace(from, to));
        assertProblem(onlyProblem(), "functions.yml", line, fragment);
    }

    @Test
    void theBuiltInWindowIsCheckedWithoutFunctionsYml() throws IOException {
        replace("modules/zorg/module.yml", "refresherMonths: 24", "refresherMonths: 2");
        assertProblem(
                onlyProblem(),
                "functions.yml",
                0,
                "standaardvenster voor een herhaling (60 dagen) is niet korter dan de geldigheid van module 'zorg'"
                        + " (2 maanden)");
    }

    @Test
    void brokenFunctionsYamlNamesFileAndLine() throws IOException {
        write("functions.yml", FUNCTIONS.replace("validityMonths: 24", "validityMonths: [24"));
        ContentProblem p = problems().get(0);
        assertEquals("functions.yml", p.file(), p.toString());
        assertTrue(p.line() >= 12, p.toString());
        assertTrue(p.message().startsWith("geen geldige YAML"), p.toString());
    }

    @Test
    void missingContentDirectory() {
        ContentException e = assertThrows(ContentException.class, () -> ContentLoader.load(root.resolve("nergens")));
        assertTrue(e.getMessage().contains("bestaat niet"), e.getMessage());
    }

    @Test
    void theShippedContentIsValid() {
        ContentCatalog catalog = ContentLoader.load(Path.of("content"));
        Module core = catalog.module("meldcode-in-5-stappen").orElseThrow();
        assertTrue(core.core());
        assertTrue(core.questions().size() >= 10, "the core module needs at least 10 questions");
        assertTrue(core.drawSize() <= core.questions().size());
    }
}
