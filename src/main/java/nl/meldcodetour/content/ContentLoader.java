/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads and validates the trainer-maintained content directory:
 *
 * <pre>
 * content/
 *   sectors.yml                  sectors (reference data)
 *   functions.yml                functions and their requirements (modules, due dates; {@link RequirementReader})
 *   modules/{id}/module.yml      module settings and its list of pages
 *   modules/{id}/*.md            pages (Markdown, first line "# Title")
 *   modules/{id}/quiz.yml        question bank
 * </pre>
 *
 * Every problem found is collected; if there is any, a {@link ContentException} lists them all with file and line.
 * See docs/content.md for the format.
 */
public final class ContentLoader {

    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** The roles a role module can be for (the application's roles). */
    static final List<String> KNOWN_ROLES = List.of("medewerker", "aandachtsfunctionaris", "gemeente", "beheerder");

    private static final int MAX_FILE_BYTES = 1_000_000;
    /** References (*naam) to a list or block per YAML file: more is refused (no "billion laughs" expansion). */
    private static final int MAX_ALIASES = 10;

    private final Path root;
    private final List<ContentProblem> problems = new ArrayList<>();
    static final String GLOSSARY = "begrippen.md";

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    private ContentLoader(Path root) {
        this.root = root;
    }

    /** Loads the content under {@code root}, or throws {@link ContentException} naming every problem. */
    public static ContentCatalog load(Path root) {
        return new ContentLoader(root.toAbsolutePath().normalize()).loadAll();
    }

    private ContentCatalog loadAll() {
        if (!Files.isDirectory(root)) {
            throw new ContentException(List.of(new ContentProblem(
                    root.toString(), 0, "de inhoudsmap bestaat niet (stel meldcodetour.content.dir in)")));
        }
        Map<String, Sector> sectors = loadSectors();
        List<Module> modules = loadModules(sectors);
        Map<String, RouteMap> routeMaps = loadRouteMaps();
        Scan scan = loadScan();
        Functions functions = loadFunctions(sectors, modules);
        Optional<Page> glossary = loadGlossary();
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return new ContentCatalog(
                sectors, modules, routeMaps, scan, functions.byId(), functions.defaults(), version(), glossary);
    }

    // ---------------------------------------------------------------- sectors

    private Map<String, Sector> loadSectors() {
        Map<String, Sector> sectors = new LinkedHashMap<>();
        Optional<YamlNode> document = parse(root.resolve("sectors.yml"));
        if (document.isEmpty()) {
            return sectors;
        }
        Map<String, YamlNode> top = document.get().fields("sectors.yml", Set.of("sectors"));
        YamlNode list = top.get("sectors");
        if (list == null || !list.isSequence()) {
            document.get().problem("sectors.yml moet een lijst 'sectors:' bevatten");
            return sectors;
        }
        Map<String, YamlNode> parents = new LinkedHashMap<>();
        for (YamlNode item : list.items()) {
            Map<String, YamlNode> fields = item.fields("een sector", Set.of("id", "name", "parent", "obliged"));
            Optional<String> id = YamlNode.requiredText(fields, item, "id", "een sector");
            Optional<String> name = YamlNode.requiredText(fields, item, "name", "een sector");
            Optional<String> parent = YamlNode.optionalText(fields, "parent", "een sector");
            if (id.isEmpty() || name.isEmpty()) {
                continue;
            }
            checkId(id.get(), fields.get("id"));
            if (sectors.containsKey(id.get())) {
                fields.get("id").problem("sector '" + id.get() + "' staat twee keer in de lijst");
                continue;
            }
            boolean obliged = YamlNode.bool(fields, "obliged", true);
            sectors.put(id.get(), new Sector(id.get(), name.get(), parent, obliged));
            parent.ifPresent(p -> parents.put(id.get(), fields.get("parent")));
        }
        parents.forEach((child, node) -> {
            String parent = sectors.get(child).parent().orElseThrow();
            if (!sectors.containsKey(parent)) {
                node.problem("onbekende bovenliggende sector '" + parent + "'");
            } else if (sectors.get(parent).parent().isPresent()) {
                node.problem(
                        "sector '" + parent + "' heeft zelf al een bovenliggende sector; één niveau is toegestaan");
            }
        });
        return sectors;
    }

    // ---------------------------------------------------------------- modules

    private List<Module> loadModules(Map<String, Sector> sectors) {
        Path modulesDir = root.resolve("modules");
        List<Module> modules = new ArrayList<>();
        if (!Files.isDirectory(modulesDir)) {
            problems.add(new ContentProblem("modules/", 0, "de map 'modules' ontbreekt"));
            return modules;
        }
        List<Path> dirs;
        try (Stream<Path> stream = Files.list(modulesDir)) {
            dirs = stream.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            problems.add(new ContentProblem("modules/", 0, "map kan niet worden gelezen: " + e.getMessage()));
            return modules;
        }
        Set<String> questionIds = new LinkedHashSet<>();
        for (Path dir : dirs) {
            loadModule(dir, sectors, questionIds).ifPresent(modules::add);
        }
        if (modules.isEmpty() && problems.isEmpty()) {
            problems.add(new ContentProblem("modules/", 0, "er is geen enkele module"));
        }
        if (problems.isEmpty() && modules.stream().noneMatch(Module::core) && !modules.isEmpty()) {
            problems.add(new ContentProblem(
                    "modules/", 0, "geen enkele module heeft 'kind: core'; iedereen moet een basismodule krijgen"));
        }
        modules.sort(Comparator.comparingInt(Module::order).thenComparing(Module::title));
        return modules;
    }

    private Optional<Module> loadModule(Path dir, Map<String, Sector> sectors, Set<String> allQuestionIds) {
        String dirName = dir.getFileName().toString();
        Path moduleFile = dir.resolve("module.yml");
        Optional<YamlNode> document = parse(moduleFile);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        YamlNode doc = document.get();
        int before = problems.size();
        String what = "module.yml";
        Map<String, YamlNode> f = doc.fields(
                what,
                Set.of(
                        "id",
                        "title",
                        "summary",
                        "kind",
                        "sectors",
                        "roles",
                        "order",
                        "refresherMonths",
                        "passMark",
                        "drawSize",
                        "pages",
                        "quiz",
                        "attendanceRequired",
                        "retryCooldownMinutes",
                        "version",
                        "versionDate"));
        Optional<String> id = YamlNode.requiredText(f, doc, "id", what);
        Optional<String> title = YamlNode.requiredText(f, doc, "title", what);
        String summary = YamlNode.optionalText(f, "summary", what).orElse("");
        id.ifPresent(value -> {
            checkId(value, f.get("id"));
            if (!value.equals(dirName)) {
                f.get("id").problem("id '" + value + "' moet gelijk zijn aan de mapnaam '" + dirName + "'");
            }
        });
        Module.Kind kind = null;
        Optional<String> kindText = YamlNode.requiredText(f, doc, "kind", what);
        if (kindText.isPresent()) {
            try {
                kind = Module.Kind.valueOf(kindText.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                f.get("kind").problem("'kind' moet core, sector, topic of role zijn, niet '" + kindText.get() + "'");
            }
        }
        List<String> sectorIds = YamlNode.textList(f, "sectors", what);
        for (String sector : sectorIds) {
            if (!sectors.containsKey(sector)) {
                f.get("sectors")
                        .problem("onbekende sector '" + sector + "' (zie sectors.yml; bekend: "
                                + String.join(", ", sectors.keySet()) + ")");
            }
        }
        List<String> roleIds = YamlNode.textList(f, "roles", what);
        for (String role : roleIds) {
            if (!KNOWN_ROLES.contains(role)) {
                f.get("roles").problem("onbekende rol '" + role + "' (bekend: " + String.join(", ", KNOWN_ROLES) + ")");
            }
        }
        if (kind != null) {
            switch (kind) {
                case CORE -> {
                    if (!sectorIds.isEmpty() || !roleIds.isEmpty()) {
                        doc.problem("een module met 'kind: core' is voor iedereen; laat 'sectors' en 'roles' weg");
                    }
                }
                case SECTOR, TOPIC -> {
                    if (sectorIds.isEmpty()) {
                        doc.problem("een module met 'kind: " + kind.id() + "' heeft 'sectors: [...]' nodig");
                    }
                    if (!roleIds.isEmpty()) {
                        f.get("roles").problem("'roles' hoort alleen bij 'kind: role'");
                    }
                }
                case ROLE -> {
                    if (roleIds.isEmpty()) {
                        doc.problem("een module met 'kind: role' heeft 'roles: [...]' nodig");
                    }
                    if (!sectorIds.isEmpty()) {
                        f.get("sectors").problem("'sectors' hoort niet bij 'kind: role'");
                    }
                }
            }
        }
        int order = YamlNode.number(f, doc, "order", 0, 10_000, 100);
        int refresherMonths = YamlNode.number(f, doc, "refresherMonths", 1, 120, null);
        int passMark = YamlNode.number(f, doc, "passMark", 1, 100, null);
        int drawSize = YamlNode.number(f, doc, "drawSize", 1, 200, null);
        int retryCooldownMinutes =
                YamlNode.number(f, doc, "retryCooldownMinutes", 0, 7 * 24 * 60, Module.DEFAULT_RETRY_COOLDOWN_MINUTES);
        // the module's own version, for people (the certificate): both or neither
        String version = YamlNode.optionalText(f, "version", what).orElse(null);
        LocalDate versionDate = null;
        Optional<String> versionDateText = YamlNode.optionalText(f, "versionDate", what);
        if (versionDateText.isPresent()) {
            try {
                versionDate = LocalDate.parse(versionDateText.get());
            } catch (DateTimeParseException e) {
                f.get("versionDate")
                        .problem("versionDate is een datum als 2026-11-22, niet '" + versionDateText.get() + "'");
            }
        }
        if (version != null && version.length() > 20) {
            f.get("version").problem("version is kort, zoals '3' of '2.1' (hoogstens 20 tekens)");
        }
        if ((version == null) != (versionDateText.isEmpty())) {
            doc.problem("'version' en 'versionDate' horen bij elkaar: geef ze allebei of geen van beide");
        }
        String attendance = YamlNode.optionalText(f, "attendanceRequired", what).orElse("false");
        if (!attendance.equals("true") && !attendance.equals("false")) {
            f.get("attendanceRequired").problem("attendanceRequired is 'true' of 'false', niet '" + attendance + "'");
        }

        List<Page> pages = new ArrayList<>();
        List<String> pageFiles = YamlNode.textList(f, "pages", what);
        if (pageFiles.isEmpty()) {
            doc.problem("de module heeft geen pagina's ('pages: [01-inleiding.md, ...]')");
        }
        Set<String> seenPages = new LinkedHashSet<>();
        for (String pageFile : pageFiles) {
            if (!seenPages.add(pageFile)) {
                f.get("pages").problem("pagina '" + pageFile + "' staat twee keer in de lijst");
                continue;
            }
            loadPage(dir, pageFile, f.get("pages")).ifPresent(pages::add);
        }

        String quizFile = YamlNode.optionalText(f, "quiz", what).orElse("quiz.yml");
        int beforeQuiz = problems.size();
        List<Question> questions = loadQuiz(
                dir, quizFile, f.containsKey("quiz") ? f.get("quiz") : doc, allQuestionIds, List.copyOf(seenPages));
        // Only when the bank itself is sound: a broken question is reported once, not again as "too few questions".
        if (problems.size() == beforeQuiz && !questions.isEmpty() && drawSize > questions.size()) {
            (f.containsKey("drawSize") ? f.get("drawSize") : doc)
                    .problem("drawSize " + drawSize + " is groter dan het aantal vragen in " + quizFile + " ("
                            + questions.size() + ")");
        }
        if (problems.size() > before || id.isEmpty() || title.isEmpty() || kind == null) {
            return Optional.empty();
        }
        return Optional.of(new Module(
                id.get(),
                title.get(),
                summary,
                kind,
                Set.copyOf(sectorIds),
                Set.copyOf(roleIds),
                refresherMonths,
                passMark,
                drawSize,
                List.copyOf(pages),
                List.copyOf(questions),
                order,
                attendance.equals("true"),
                retryCooldownMinutes,
                version,
                versionDate));
    }

    private Optional<Page> loadPage(Path dir, String pageFile, YamlNode reference) {
        Path path = dir.resolve(pageFile).normalize();
        if (!path.startsWith(dir) || !pageFile.endsWith(".md")) {
            reference.problem("pagina '" + pageFile + "' moet een .md-bestand in de modulemap zijn");
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            reference.problem("pagina '" + pageFile + "' bestaat niet in " + relative(dir));
            return Optional.empty();
        }
        return render(path, pageFile);
    }

    /** A Markdown page read and rendered; a page without its title is a problem named by file and line. */
    private Optional<Page> render(Path path, String file) {
        Optional<String> text = read(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(markdown.render(file, text.get()));
        } catch (MarkdownRenderer.MissingTitleException e) {
            problems.add(new ContentProblem(relative(path), 1, "de pagina begint niet met een titel ('# Titel')"));
            return Optional.empty();
        }
    }

    /** content/begrippen.md, the glossary every module links to; optional, a page like any other. */
    private Optional<Page> loadGlossary() {
        Path path = root.resolve(GLOSSARY);
        return Files.isRegularFile(path) ? render(path, GLOSSARY) : Optional.empty();
    }

    // ---------------------------------------------------------------- quiz

    private List<Question> loadQuiz(
            Path dir, String quizFile, YamlNode reference, Set<String> allQuestionIds, List<String> pageFiles) {
        List<Question> questions = new ArrayList<>();
        Path path = dir.resolve(quizFile).normalize();
        if (!path.startsWith(dir) || !Files.isRegularFile(path)) {
            reference.problem("vragenbestand '" + quizFile + "' bestaat niet in " + relative(dir));
            return questions;
        }
        Optional<YamlNode> document = parse(path);
        if (document.isEmpty()) {
            return questions;
        }
        Map<String, YamlNode> top = document.get().fields(quizFile, Set.of("questions"));
        YamlNode list = top.get("questions");
        if (list == null || !list.isSequence() || list.items().isEmpty()) {
            document.get().problem(quizFile + " moet een niet-lege lijst 'questions:' bevatten");
            return questions;
        }
        for (YamlNode item : list.items()) {
            readQuestion(item, allQuestionIds, pageFiles).ifPresent(questions::add);
        }
        return questions;
    }

    private Optional<Question> readQuestion(YamlNode item, Set<String> allQuestionIds, List<String> pageFiles) {
        String what = "een vraag";
        Map<String, YamlNode> f = item.fields(
                what,
                Set.of(
                        "id",
                        "type",
                        "text",
                        "options",
                        "correct",
                        "feedback",
                        "source",
                        "scenario",
                        "shuffle",
                        "page"));
        Optional<String> id = YamlNode.requiredText(f, item, "id", what);
        if (id.isPresent()) {
            what = "vraag '" + id.get() + "'";
            checkId(id.get(), f.get("id"));
            if (!allQuestionIds.add(id.get())) {
                f.get("id").problem("vraag-id '" + id.get() + "' komt al eerder voor; elk vraag-id moet uniek zijn");
            }
        }
        Optional<String> text = YamlNode.requiredText(f, item, "text", what);
        Optional<String> source = YamlNode.requiredText(f, item, "source", what);
        Optional<String> feedback = YamlNode.optionalText(f, "feedback", what);
        Question.Type type = Question.Type.SINGLE;
        Optional<String> typeText = YamlNode.requiredText(f, item, "type", what);
        if (typeText.isPresent()) {
            switch (typeText.get()) {
                case "single" -> type = Question.Type.SINGLE;
                case "multiple" -> type = Question.Type.MULTIPLE;
                default ->
                    f.get("type")
                            .problem("type van " + what + " moet 'single' of 'multiple' zijn, niet '" + typeText.get()
                                    + "'");
            }
        }
        List<Question.Option> options = new ArrayList<>();
        YamlNode optionList = f.get("options");
        if (optionList == null || !optionList.isSequence()) {
            item.problem(what + " heeft geen lijst 'options:'");
        } else {
            for (YamlNode optionNode : optionList.items()) {
                Map<String, YamlNode> of =
                        optionNode.fields("een antwoordoptie van " + what, Set.of("id", "text", "feedback"));
                Optional<String> optionId =
                        YamlNode.requiredText(of, optionNode, "id", "een antwoordoptie van " + what);
                Optional<String> optionText =
                        YamlNode.requiredText(of, optionNode, "text", "een antwoordoptie van " + what);
                Optional<String> optionFeedback =
                        YamlNode.optionalText(of, "feedback", "een antwoordoptie van " + what);
                if (optionId.isPresent() && optionText.isPresent()) {
                    String oid = optionId.get();
                    if (options.stream().anyMatch(o -> o.id().equals(oid))) {
                        of.get("id").problem("antwoordoptie '" + oid + "' staat twee keer in " + what);
                    } else {
                        options.add(new Question.Option(oid, optionText.get(), optionFeedback));
                    }
                }
            }
            if (options.size() < 2) {
                optionList.problem(what + " heeft minder dan 2 antwoordopties");
            }
        }
        List<String> correct = YamlNode.textList(f, "correct", what);
        YamlNode correctNode = f.getOrDefault("correct", item);
        if (correct.isEmpty()) {
            correctNode.problem(what + " heeft geen juist antwoord ('correct: [a]')");
        }
        for (String c : correct) {
            if (options.stream().noneMatch(o -> o.id().equals(c))) {
                correctNode.problem("juist antwoord '" + c + "' van " + what + " is geen van de antwoordopties");
            }
        }
        if (new LinkedHashSet<>(correct).size() != correct.size()) {
            correctNode.problem(what + " noemt een juist antwoord twee keer");
        }
        if (type == Question.Type.SINGLE && correct.size() > 1) {
            correctNode.problem(
                    what + " is 'single' maar heeft " + correct.size() + " juiste antwoorden; gebruik 'multiple'");
        }
        if (type == Question.Type.MULTIPLE && !options.isEmpty() && correct.size() == options.size()) {
            correctNode.problem(what + ": alle opties zijn juist; dat toetst niets");
        }
        if (feedback.isEmpty() && options.stream().anyMatch(o -> o.feedback().isEmpty())) {
            item.problem(what + " heeft geen uitleg: geef 'feedback' bij de vraag of bij elke antwoordoptie");
        }
        boolean scenario = YamlNode.bool(f, "scenario", false);
        boolean shuffle = YamlNode.bool(f, "shuffle", true);
        int page = 0;
        Optional<String> pageFile = YamlNode.optionalText(f, "page", what);
        if (pageFile.isPresent()) {
            page = pageFiles.indexOf(pageFile.get()) + 1;
            if (page == 0) {
                f.get("page")
                        .problem("'page' van " + what + " moet een pagina van deze module zijn ("
                                + String.join(", ", pageFiles) + "), niet '" + pageFile.get() + "'");
            }
        }
        if (id.isEmpty() || text.isEmpty() || source.isEmpty() || options.size() < 2 || correct.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Question(
                id.get(),
                type,
                text.get(),
                List.copyOf(options),
                Set.copyOf(correct),
                feedback,
                source.get(),
                scenario,
                shuffle,
                page));
    }

    // ---------------------------------------------------------------- functions

    /** The functions with their requirements, and the installation's requirement defaults. */
    private record Functions(Map<String, JobFunction> byId, Requirement.Defaults defaults) {}

    private Functions loadFunctions(Map<String, Sector> sectors, List<Module> modules) {
        Map<String, JobFunction> functions = new LinkedHashMap<>();
        Map<String, Module> moduleById = new LinkedHashMap<>();
        modules.forEach(m -> moduleById.put(m.id(), m));
        Path file = root.resolve("functions.yml");
        if (!Files.exists(file)) {
            // the built-in defaults still apply to the core modules, so they are checked all the same
            RequirementReader.of(
                    null, message -> problems.add(new ContentProblem("functions.yml", 0, message)), moduleById);
            return new Functions(functions, Requirement.Defaults.BUILT_IN);
        }
        Optional<YamlNode> document = parse(file);
        if (document.isEmpty()) {
            return new Functions(functions, Requirement.Defaults.BUILT_IN);
        }
        Map<String, YamlNode> top = document.get().fields("functions.yml", Set.of("defaults", "functions"));
        YamlNode defaults = top.get("defaults");
        RequirementReader requirements =
                RequirementReader.of(defaults, (defaults != null ? defaults : document.get())::problem, moduleById);
        YamlNode list = top.get("functions");
        if (list == null || !list.isSequence()) {
            document.get().problem("functions.yml moet een lijst 'functions:' bevatten");
            return new Functions(functions, requirements.defaults());
        }
        for (YamlNode item : list.items()) {
            String what = "een functie";
            Map<String, YamlNode> f = item.fields(what, Set.of("id", "name", "sector", "modules"));
            Optional<String> id = YamlNode.requiredText(f, item, "id", what);
            Optional<String> name = YamlNode.requiredText(f, item, "name", what);
            Optional<String> sector = YamlNode.requiredText(f, item, "sector", what);
            List<Requirement> required = requirements.read(f.get("modules"));
            id.ifPresent(v -> checkId(v, f.get("id")));
            sector.filter(s -> !sectors.containsKey(s))
                    .ifPresent(s -> f.get("sector").problem("onbekende sector '" + s + "'"));
            if (id.isPresent() && name.isPresent() && sector.isPresent()) {
                if (functions.putIfAbsent(id.get(), new JobFunction(id.get(), name.get(), sector.get(), required))
                        != null) {
                    f.get("id").problem("functie '" + id.get() + "' staat twee keer in de lijst");
                }
            }
        }
        return new Functions(functions, requirements.defaults());
    }

    // ---------------------------------------------------------------- routekaart and scan

    private Map<String, RouteMap> loadRouteMaps() {
        Map<String, RouteMap> maps = new LinkedHashMap<>();
        Path dir = root.resolve("routekaart");
        List<Path> files;
        try (Stream<Path> stream = Files.list(dir)) {
            files = stream.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            problems.add(
                    new ContentProblem("routekaart/", 0, "de map 'routekaart' ontbreekt of kan niet worden gelezen"));
            return maps;
        }
        for (Path file : files) {
            parse(file)
                    .ifPresent(doc -> readRouteMap(doc, file).ifPresent(map -> {
                        if (maps.putIfAbsent(map.id(), map) != null) {
                            doc.problem("routekaart '" + map.id() + "' bestaat al");
                        }
                    }));
        }
        if (!Files.exists(dir.resolve("_landelijk.yml"))) {
            problems.add(new ContentProblem(
                    "routekaart/", 0, "routekaart met 'id: landelijk' (de landelijke nummers) ontbreekt"));
        }
        return maps;
    }

    private Optional<RouteMap> readRouteMap(YamlNode doc, Path file) {
        String what = "de routekaart";
        int before = problems.size();
        Map<String, YamlNode> f = doc.fields(what, Set.of("id", "name", "region", "note", "entries"));
        Optional<String> id = YamlNode.requiredText(f, doc, "id", what);
        Optional<String> name = YamlNode.requiredText(f, doc, "name", what);
        id.ifPresent(value -> checkId(value, f.get("id")));
        String expectedFile = id.map(v -> v.equals("landelijk") ? "_landelijk.yml" : v + ".yml")
                .orElse("");
        if (id.isPresent() && !file.getFileName().toString().equals(expectedFile)) {
            f.get("id").problem("het bestand moet '" + expectedFile + "' heten");
        }
        List<RouteMap.Entry> entries = new ArrayList<>();
        YamlNode list = f.get("entries");
        if (list == null || !list.isSequence() || list.items().isEmpty()) {
            doc.problem("de routekaart heeft geen 'entries:'");
        } else {
            for (YamlNode item : list.items()) {
                String w = "een plek op de routekaart";
                Map<String, YamlNode> e = item.fields(w, Set.of("name", "what", "phone", "when", "source"));
                Optional<String> entryName = YamlNode.requiredText(e, item, "name", w);
                Optional<String> entryWhat = YamlNode.requiredText(e, item, "what", w);
                Optional<String> source = YamlNode.requiredText(e, item, "source", w);
                Optional<String> phone = YamlNode.optionalText(e, "phone", w);
                phone.filter(p -> !p.matches("[0-9][0-9 -]{1,14}[0-9]"))
                        .ifPresent(p -> e.get("phone")
                                .problem("telefoonnummer '" + p
                                        + "' is geen geldig nummer (alleen cijfers, spaties en streepjes)"));
                if (entryName.isPresent() && entryWhat.isPresent() && source.isPresent()) {
                    entries.add(new RouteMap.Entry(
                            entryName.get(),
                            entryWhat.get(),
                            phone,
                            YamlNode.optionalText(e, "when", w),
                            source.get()));
                }
            }
        }
        if (problems.size() > before || id.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RouteMap(
                id.get(),
                name.get(),
                YamlNode.optionalText(f, "region", what),
                YamlNode.optionalText(f, "note", what),
                List.copyOf(entries)));
    }

    private Scan loadScan() {
        Optional<YamlNode> document = parse(root.resolve("scan.yml"));
        if (document.isEmpty()) {
            return null;
        }
        YamlNode doc = document.get();
        Map<String, YamlNode> f = doc.fields("scan.yml", Set.of("title", "intro", "groups"));
        Optional<String> title = YamlNode.requiredText(f, doc, "title", "scan.yml");
        Optional<String> intro = YamlNode.requiredText(f, doc, "intro", "scan.yml");
        List<Scan.Group> groups = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        YamlNode list = f.get("groups");
        if (list == null || !list.isSequence() || list.items().isEmpty()) {
            doc.problem("scan.yml heeft geen 'groups:'");
            return null;
        }
        for (YamlNode groupNode : list.items()) {
            Map<String, YamlNode> g =
                    groupNode.fields("een groep van de scan", Set.of("id", "title", "items", "source"));
            Optional<String> gid = YamlNode.requiredText(g, groupNode, "id", "een groep van de scan");
            Optional<String> gtitle = YamlNode.requiredText(g, groupNode, "title", "een groep van de scan");
            Optional<String> source = YamlNode.requiredText(g, groupNode, "source", "een groep van de scan");
            List<Scan.Item> items = new ArrayList<>();
            YamlNode itemList = g.get("items");
            if (itemList == null || !itemList.isSequence() || itemList.items().isEmpty()) {
                groupNode.problem("de groep heeft geen 'items:'");
            } else {
                for (YamlNode itemNode : itemList.items()) {
                    Map<String, YamlNode> i = itemNode.fields("een punt van de scan", Set.of("id", "text"));
                    Optional<String> iid = YamlNode.requiredText(i, itemNode, "id", "een punt van de scan");
                    Optional<String> text = YamlNode.requiredText(i, itemNode, "text", "een punt van de scan");
                    iid.ifPresent(v -> {
                        checkId(v, i.get("id"));
                        if (!ids.add(v)) {
                            i.get("id").problem("punt '" + v + "' staat twee keer in de scan");
                        }
                    });
                    if (iid.isPresent() && text.isPresent()) {
                        items.add(new Scan.Item(iid.get(), text.get()));
                    }
                }
            }
            if (gid.isPresent() && gtitle.isPresent() && source.isPresent()) {
                groups.add(new Scan.Group(gid.get(), gtitle.get(), List.copyOf(items), source.get()));
            }
        }
        return title.isPresent() && intro.isPresent() ? new Scan(title.get(), intro.get(), List.copyOf(groups)) : null;
    }

    // ---------------------------------------------------------------- helpers

    private void checkId(String id, YamlNode node) {
        if (!ID.matcher(id).matches()) {
            node.problem("id '" + id + "' mag alleen kleine letters, cijfers en streepjes bevatten (bijv. 'stap-1')");
        }
    }

    private Optional<YamlNode> parse(Path path) {
        String file = relative(path);
        if (!Files.isRegularFile(path)) {
            problems.add(new ContentProblem(file, 0, "bestand ontbreekt"));
            return Optional.empty();
        }
        Optional<String> text = read(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        ParserImpl parser = null;
        try (Reader reader = new StringReader(text.get())) {
            // the node tree only (what Yaml.compose does, without building a Yaml object: its constructor's
            // System.getLogger call searched every jar of the class path, ~60 ms of the start, docs/benchmarks.md,
            // Decisions: YAML without a Yaml object)
            parser = new ParserImpl(new StreamReader(reader), options);
            Node node = new Composer(parser, new Resolver(), options).getSingleNode();
            if (node == null) {
                problems.add(new ContentProblem(file, 1, "bestand is leeg"));
                return Optional.empty();
            }
            return Optional.of(new YamlNode(node, file, problems));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            problems.add(new ContentProblem(file, line, "geen geldige YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            if (String.valueOf(e.getMessage()).startsWith("Number of aliases")) {
                problems.add(new ContentProblem(
                        file,
                        lineAfter(parser),
                        "geen geldige YAML: meer dan " + MAX_ALIASES + " verwijzingen (*naam) naar een lijst of blok"));
            } else {
                problems.add(new ContentProblem(file, 0, "geen geldige YAML: " + e.getMessage()));
            }
        } catch (IOException e) {
            problems.add(new ContentProblem(file, 0, "geen geldige YAML: " + e.getMessage()));
        }
        return Optional.empty();
    }

    /** The line where the parser stands after a failure (1-based), or 0 when that cannot be told. */
    private static int lineAfter(ParserImpl parser) {
        try {
            return parser == null || parser.peekEvent() == null
                    ? 0
                    : parser.peekEvent().getStartMark().getLine() + 1;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private Optional<String> read(Path path) {
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                problems.add(new ContentProblem(relative(path), 0, "bestand is groter dan 1 MB"));
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(path);
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return Optional.of(text);
        } catch (CharacterCodingException e) {
            problems.add(new ContentProblem(relative(path), 0, "bestand is geen UTF-8; sla het op als UTF-8"));
        } catch (IOException e) {
            problems.add(new ContentProblem(relative(path), 0, "bestand kan niet worden gelezen: " + e.getMessage()));
        }
        return Optional.empty();
    }

    private String relative(Path path) {
        Path rel = root.relativize(path.toAbsolutePath().normalize());
        return rel.toString().replace('\\', '/') + (Files.isDirectory(path) ? "/" : "");
    }

    /** SHA-256 over every file's relative path and bytes, in path order: changes whenever any content changes. */
    private String version() {
        try (Stream<Path> files = Files.walk(root)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(relative(file).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("content version could not be computed", e);
        }
    }
}
