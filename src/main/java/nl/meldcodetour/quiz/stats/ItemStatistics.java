/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.core.web.Dutch;
import nl.meldcodetour.core.web.Formats;

/**
 * Item statistics of the quizzes for content authors (issue #27), after Moodle's quiz statistics report: per question
 * the number of attempts, the facility (share right), the discrimination (Pearson correlation of the item's 0/1 score
 * with the attempt's rest score) and the share of attempts that chose each option, with flags for questions that need
 * a look.
 * <p>
 * Everything is computed in PostgreSQL over <em>submitted</em> attempts only ({@code submitted_at IS NOT NULL}: an open
 * attempt may already hold draft answers). Option ids are the ids of the content files, as stored in
 * {@code attempt_question}. Sorting and paging happen in the same statement. Only counts leave this class: no person id,
 * and a question with fewer than {@link #MIN_ATTEMPTS} attempts in the chosen view gets no figures at all.
 */
@ApplicationScoped
public class ItemStatistics {

    /** Below this many attempts in the chosen view, a question shows "te weinig pogingen" instead of figures. */
    public static final int MIN_ATTEMPTS = 20;
    /** Facility above this percentage: "te makkelijk". */
    public static final int TOO_EASY_ABOVE = 95;
    /** Facility below this percentage: "te moeilijk". */
    public static final int TOO_HARD_BELOW = 30;

    @Inject
    DataSource dataSource;

    @Inject
    ContentService content;

    /** Which attempts count: all submitted ones, or only each person's first submitted attempt at the module. */
    public enum View {
        ALL("alle", "all"),
        FIRST("eerste", "first");

        /** the value in page URLs */
        public final String id;
        /** the value in the API */
        public final String apiId;

        View(String id, String apiId) {
            this.id = id;
            this.apiId = apiId;
        }

        public String label() {
            return this == ALL ? "Alle pogingen" : "Alleen eerste pogingen";
        }

        /** The label inside a sentence: "alle pogingen". */
        public String phrase() {
            return label().toLowerCase(Locale.ROOT);
        }
    }

    /** The columns the question table sorts by; each has a fixed, whitelisted ORDER BY expression. */
    public enum Sort {
        QUESTION("vraag", "question", "Vraag", false, "ord"),
        ATTEMPTS("pogingen", "attempts", "Pogingen", true, "attempts"),
        FACILITY("goed", "facility", "% goed", false, "facility"),
        DISCRIMINATION("discriminatie", "discrimination", "Discriminatie", false, "discrimination"),
        FLAGS("signalen", "flags", "Signalen", true, "flag_count");

        /** the value in page URLs */
        public final String id;
        /** the value in the API */
        public final String apiId;

        public final String label;
        /** the direction a page link uses first: most attempts and most flags first, the rest from low to high */
        public final boolean descendingFirst;

        private final String column;

        Sort(String id, String apiId, String label, boolean descendingFirst, String column) {
            this.id = id;
            this.apiId = apiId;
            this.label = label;
            this.descendingFirst = descendingFirst;
            this.column = column;
        }

        /** Questions without a figure (too few attempts, no variance, removed from the bank) come last either way. */
        String orderBy(boolean descending) {
            String dir = descending ? " DESC" : " ASC";
            return this == QUESTION
                    ? "ord" + dir + " NULLS LAST, question_id"
                    : column + dir + " NULLS LAST, ord ASC NULLS LAST, question_id";
        }
    }

    /** A reason for an author to look at a question. */
    public enum Flag {
        TOO_EASY(
                "te-makkelijk",
                "Te makkelijk",
                "Bijna iedereen heeft deze vraag goed. Maak de foute antwoorden "
                        + "geloofwaardiger, of vraag naar iets wat mensen in de praktijk lastig vinden."),
        TOO_HARD(
                "te-moeilijk",
                "Te moeilijk",
                "Weinig mensen hebben deze vraag goed. Kijk of het goede antwoord klopt, of "
                        + "de vraag duidelijk is en of de stof in de module staat."),
        NEGATIVE_DISCRIMINATION(
                "negatieve-discriminatie",
                "Negatieve discriminatie",
                "Wie de rest van de toets goed maakt, "
                        + "heeft deze vraag juist vaker fout. Kijk of het goede antwoord klopt, of er een tweede antwoord ook goed "
                        + "kan zijn en of de vraag op twee manieren te lezen is."),
        UNPICKED_OPTION(
                "ongekozen-antwoord",
                "Ongekozen antwoord",
                "Niemand kiest een van de antwoorden. Zo'n antwoord "
                        + "helpt niet: maak het geloofwaardiger of vervang het.");

        @com.fasterxml.jackson.annotation.JsonValue
        public final String id;

        public final String label;
        /** what an author can do about it, in B1 Dutch */
        public final String advice;

        Flag(String id, String label, String advice) {
            this.id = id;
            this.label = label;
            this.advice = advice;
        }
    }

    /** What to show: validated by {@link ItemQuery}. {@code version} null = all versions; {@code page} 1-based. */
    public record Query(View view, String version, Sort sort, boolean descending, int page, int size) {}

    /**
     * A content version that has submitted attempts at the module (all views), with the first and last day of
     * submission (days, not times: nothing that points at one person's moment).
     */
    public record VersionInfo(
            String version, long attempts, LocalDate firstSubmitted, LocalDate lastSubmitted, boolean current) {

        /** "3fa9c2d1e0ab: 3 maart 2026 t/m 20 mei 2026, 143 pogingen (huidige versie)" */
        public String label() {
            return version + ": " + Formats.dutch(firstSubmitted) + " t/m " + Formats.dutch(lastSubmitted) + ", "
                    + Dutch.count(attempts, "poging", "pogingen") + (current ? " (huidige versie)" : "");
        }
    }

    /** One line of the module overview. */
    public record ModuleSummary(Module module, int questions, long attempts, long firstAttempts, int versions) {}

    /**
     * One answer option: how many attempts in the view chose it (null with too few attempts). {@code correct} is
     * right according to the current content; {@code inBank} false for an id that attempts hold but the content no
     * longer has.
     */
    public record OptionShare(
            String optionId, String text, boolean correct, boolean inBank, Long chosen, Double share) {

        /** Nobody in the view chose it (and there were enough attempts to say so). */
        public boolean nobody() {
            return chosen != null && chosen == 0;
        }
    }

    /**
     * One question. {@code position}: 1-based place in the current bank, null when the question was removed from the
     * content. Figures ({@code right}, {@code facility}, {@code discrimination}, option counts) are null when
     * {@code enoughAttempts} is false; {@code discrimination} is also null when it is undefined (everyone had the same
     * score on the question, or the same rest score).
     */
    public record Item(
            String questionId,
            Integer position,
            Optional<Question> question,
            long attempts,
            boolean enoughAttempts,
            Long right,
            Double facility,
            Double discrimination,
            List<String> versions,
            List<Flag> flags,
            List<OptionShare> options) {

        public String text() {
            return question.map(Question::text).orElse("(Deze vraag staat niet meer in de vragenbank.)");
        }

        /** More than one option may be right: each option's share stands on its own. */
        public boolean multipleAnswers() {
            return question.map(q -> q.type() == Question.Type.MULTIPLE).orElse(false);
        }

        public String typeLabel() {
            return question.isEmpty()
                    ? "niet meer in de vragenbank"
                    : multipleAnswers() ? "meerdere goede antwoorden" : "één goed antwoord";
        }
    }

    /** One page of the question table. */
    public record Report(
            Module module,
            Query query,
            List<VersionInfo> versions,
            long attemptsInView,
            List<String> versionsInView,
            List<Item> items,
            long total) {

        public int pages() {
            return (int) Math.max(1, (total + query.size() - 1) / query.size());
        }

        /** "abc en def" */
        public String versionsInViewText() {
            return ItemFormats.join(versionsInView);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Modules with a question bank or with submitted attempts, in content order. */
    public List<ModuleSummary> modules() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT module_id, count(*), count(DISTINCT person_id), count(DISTINCT content_version)
                        FROM quiz_attempt WHERE submitted_at IS NOT NULL GROUP BY module_id""");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                counts.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3), r.getLong(4)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("item statistics: module overview", e);
        }
        List<ModuleSummary> result = new ArrayList<>();
        for (Module m : content.catalog().modules()) {
            long[] n = counts.getOrDefault(m.id(), new long[3]);
            if (!m.questions().isEmpty() || n[0] > 0) {
                result.add(new ModuleSummary(m, m.questions().size(), n[0], n[1], (int) n[2]));
            }
        }
        return result;
    }

    /** The content versions with submitted attempts at the module, oldest first. */
    public List<VersionInfo> versions(String moduleId) {
        String current = content.catalog().version();
        List<VersionInfo> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT content_version, count(*), min(submitted_at), max(submitted_at)
                        FROM quiz_attempt WHERE module_id = ? AND submitted_at IS NOT NULL
                        GROUP BY content_version ORDER BY min(submitted_at), content_version""")) {
            s.setString(1, moduleId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(new VersionInfo(
                            r.getString(1),
                            r.getLong(2),
                            day(r.getTimestamp(3)),
                            day(r.getTimestamp(4)),
                            r.getString(1).equals(current)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("item statistics: versions of " + moduleId, e);
        }
        return result;
    }

    /** One page of the module's question table. */
    public Report report(Module module, Query query, List<VersionInfo> versions) {
        return run(module, query, versions, null);
    }

    /** One question of the module, with its option shares; empty when neither the bank nor any attempt has it. */
    public Optional<Item> item(Module module, Query query, String questionId) {
        Report report = run(
                module, new Query(query.view(), query.version(), Sort.QUESTION, false, 1, 1), List.of(), questionId);
        return report.items().stream().findFirst();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The statement

    /**
     * {@code %1$s}: the version filter, {@code %2$s}: the first-attempt filter, {@code %3$s}: the question filter,
     * {@code %4$s}: the ORDER BY of the page. Parameters: module, [version], bank question ids, option question ids,
     * option ids, [question id], first row (exclusive), last row (inclusive).
     */
    static final String SQL = """
            WITH module_attempts AS NOT MATERIALIZED (
                SELECT a.id, a.person_id, a.started_at, a.content_version, a.right_count, a.question_count
                FROM quiz_attempt a
                WHERE a.module_id = ? AND a.submitted_at IS NOT NULL
            ),
            first_attempts AS (
                -- each person's first submitted attempt at the module, whatever its version
                SELECT DISTINCT ON (person_id) id FROM module_attempts ORDER BY person_id, started_at, id
            ),
            attempts AS NOT MATERIALIZED (
                SELECT m.id, m.content_version, m.right_count, m.question_count FROM module_attempts m
                WHERE true %1$s %2$s
            ),
            answers AS (
                -- right = exactly the right options chosen (quiz.Scoring); the rest score is normalised, because
                -- attempts may draw different numbers of questions
                SELECT q.question_id, t.content_version, q.chosen_options, s.score,
                       (t.right_count - s.score)::float8 / NULLIF(t.question_count - 1, 0) AS rest
                FROM attempts t JOIN attempt_question q ON q.attempt_id = t.id
                CROSS JOIN LATERAL (SELECT CASE WHEN cardinality(q.chosen_options) > 0 AND q.chosen_options @> q.correct_options
                                                     AND q.correct_options @> q.chosen_options THEN 1 ELSE 0 END AS score) s
            ),
            per_question AS (
                SELECT question_id, count(*) AS attempts, sum(score) AS right_answers, corr(score, rest) AS discrimination
                FROM answers GROUP BY question_id
            ),
            choices AS (
                -- the answers grouped by what was chosen: a few rows per question, whatever the number of attempts
                SELECT question_id, content_version, chosen_options, count(*) AS times
                FROM answers GROUP BY question_id, content_version, chosen_options
            ),
            question_versions AS (
                SELECT question_id, array_agg(DISTINCT content_version ORDER BY content_version) AS versions
                FROM choices GROUP BY question_id
            ),
            chosen AS (
                -- each option once per attempt, also if an array held it twice
                SELECT c.question_id, o.option_id, sum(c.times) AS times
                FROM choices c CROSS JOIN LATERAL (SELECT DISTINCT unnest(c.chosen_options)) AS o (option_id)
                GROUP BY c.question_id, o.option_id
            ),
            bank AS (
                SELECT b.question_id, b.ord FROM unnest(CAST(? AS varchar[])) WITH ORDINALITY AS b (question_id, ord)
            ),
            bank_options AS (
                SELECT o.question_id, o.option_id FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[])) AS o (question_id, option_id)
            ),
            unpicked AS (
                SELECT o.question_id, count(*) AS options
                FROM bank_options o LEFT JOIN chosen c ON c.question_id = o.question_id AND c.option_id = o.option_id
                WHERE c.times IS NULL GROUP BY o.question_id
            ),
            items AS (
                SELECT COALESCE(b.question_id, p.question_id) AS question_id, b.ord, COALESCE(p.attempts, 0) AS attempts,
                       p.right_answers, p.discrimination, COALESCE(v.versions, '{}') AS versions,
                       COALESCE(p.attempts, 0) >= %5$d AS enough
                FROM bank b FULL JOIN per_question p ON p.question_id = b.question_id
                LEFT JOIN question_versions v ON v.question_id = p.question_id
            ),
            shown AS (
                SELECT i.question_id, i.ord, i.attempts, i.versions, i.enough,
                       CASE WHEN i.enough THEN i.right_answers END AS right_answers,
                       CASE WHEN i.enough THEN i.right_answers::float8 / i.attempts END AS facility,
                       CASE WHEN i.enough THEN i.discrimination END AS discrimination,
                       i.enough AND i.right_answers * 100 > %6$d * i.attempts AS too_easy,
                       i.enough AND i.right_answers * 100 < %7$d * i.attempts AS too_hard,
                       COALESCE(i.enough AND i.discrimination < 0, false) AS negative,
                       i.enough AND COALESCE(u.options, 0) > 0 AS unpicked
                FROM items i LEFT JOIN unpicked u ON u.question_id = i.question_id
                WHERE true %3$s
            ),
            ranked AS (
                SELECT f.*, row_number() OVER (ORDER BY %4$s) AS rn
                FROM (SELECT s.*, s.too_easy::int + s.too_hard::int + s.negative::int + s.unpicked::int AS flag_count
                      FROM shown s) f
            )
            SELECT t.total, t.attempts_in_view, t.versions_in_view,
                   r.question_id, r.ord, r.attempts, r.enough, r.right_answers, r.facility, r.discrimination, r.versions,
                   r.too_easy, r.too_hard, r.negative, r.unpicked,
                   CASE WHEN r.enough THEN (SELECT array_agg(c.option_id ORDER BY c.option_id) FROM chosen c
                                            WHERE c.question_id = r.question_id) END AS chosen_ids,
                   CASE WHEN r.enough THEN (SELECT array_agg(c.times ORDER BY c.option_id) FROM chosen c
                                            WHERE c.question_id = r.question_id) END AS chosen_times
            FROM (SELECT (SELECT count(*) FROM shown) AS total, (SELECT count(*) FROM attempts) AS attempts_in_view,
                         (SELECT array_agg(DISTINCT content_version ORDER BY content_version) FROM attempts) AS versions_in_view) t
            LEFT JOIN ranked r ON r.rn > ? AND r.rn <= ?
            ORDER BY r.rn""";

    private Report run(Module module, Query query, List<VersionInfo> versions, String questionId) {
        String sql = SQL.formatted(
                query.version() == null ? "" : "AND m.content_version = ?",
                query.view() == View.FIRST ? "AND m.id IN (SELECT id FROM first_attempts)" : "",
                questionId == null ? "" : "AND i.question_id = ?",
                query.sort().orderBy(query.descending()),
                MIN_ATTEMPTS,
                TOO_EASY_ABOVE,
                TOO_HARD_BELOW);
        List<String> bankIds = new ArrayList<>();
        List<String> optionQuestions = new ArrayList<>();
        List<String> optionIds = new ArrayList<>();
        for (Question q : module.questions()) {
            bankIds.add(q.id());
            for (Question.Option o : q.options()) {
                optionQuestions.add(q.id());
                optionIds.add(o.id());
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement set = c.createStatement()) {
                    // One report reads every answer of the module once: compiling it (JIT) costs more than it saves,
                    // and
                    // its groupings fit in memory instead of spilling to disk (docs/architecture.md, "Item statistics")
                    set.execute("SET LOCAL jit = off");
                    set.execute("SET LOCAL work_mem = '64MB'");
                }
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    int p = 1;
                    s.setString(p++, module.id());
                    if (query.version() != null) {
                        s.setString(p++, query.version());
                    }
                    s.setArray(p++, c.createArrayOf("varchar", bankIds.toArray()));
                    s.setArray(p++, c.createArrayOf("varchar", optionQuestions.toArray()));
                    s.setArray(p++, c.createArrayOf("varchar", optionIds.toArray()));
                    if (questionId != null) {
                        s.setString(p++, questionId);
                    }
                    long first = (long) (query.page() - 1) * query.size();
                    s.setLong(p++, first);
                    s.setLong(p, first + query.size());
                    return report(module, query, versions, s);
                }
            } finally {
                c.rollback(); // read only: nothing to keep, and the settings end with the transaction
            }
        } catch (SQLException e) {
            throw new IllegalStateException("item statistics of " + module.id(), e);
        }
    }

    /** The statement's rows: every row carries the totals; a row without a question only those (past the last page). */
    private static Report report(Module module, Query query, List<VersionInfo> versions, PreparedStatement s)
            throws SQLException {
        long total = 0;
        long attemptsInView = 0;
        List<String> versionsInView = List.of();
        List<Item> items = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                total = r.getLong("total");
                attemptsInView = r.getLong("attempts_in_view");
                versionsInView = strings(r.getArray("versions_in_view"));
                if (r.getString("question_id") != null) {
                    items.add(item(module, r));
                }
            }
        }
        return new Report(module, query, versions, attemptsInView, versionsInView, List.copyOf(items), total);
    }

    private static Item item(Module module, ResultSet r) throws SQLException {
        String id = r.getString("question_id");
        Optional<Question> question = module.question(id);
        boolean enough = r.getBoolean("enough");
        long attempts = r.getLong("attempts");
        List<Flag> flags = new ArrayList<>();
        if (r.getBoolean("too_easy")) {
            flags.add(Flag.TOO_EASY);
        }
        if (r.getBoolean("too_hard")) {
            flags.add(Flag.TOO_HARD);
        }
        if (r.getBoolean("negative")) {
            flags.add(Flag.NEGATIVE_DISCRIMINATION);
        }
        if (r.getBoolean("unpicked")) {
            flags.add(Flag.UNPICKED_OPTION);
        }
        Map<String, Long> chosen = new LinkedHashMap<>();
        List<String> chosenIds = strings(r.getArray("chosen_ids"));
        Array timesArray = r.getArray("chosen_times");
        Object[] times = timesArray == null ? new Object[0] : (Object[]) timesArray.getArray();
        for (int i = 0; i < chosenIds.size(); i++) {
            chosen.put(chosenIds.get(i), ((Number) times[i]).longValue());
        }
        List<OptionShare> options = new ArrayList<>();
        question.ifPresent(q -> q.options()
                .forEach(o -> options.add(share(
                        o.id(),
                        o.text(),
                        q.correct().contains(o.id()),
                        true,
                        enough,
                        chosen.remove(o.id()),
                        attempts))));
        // ids that attempts hold but the current content does not (an option removed or renamed later)
        chosen.forEach((optionId, n) ->
                options.add(share(optionId, "(niet meer in de vraag)", false, false, enough, n, attempts)));
        Number right = (Number) r.getObject("right_answers");
        Number ord = (Number) r.getObject("ord");
        return new Item(
                id,
                ord == null ? null : ord.intValue(),
                question,
                attempts,
                enough,
                right == null ? null : right.longValue(),
                (Double) r.getObject("facility"),
                (Double) r.getObject("discrimination"),
                strings(r.getArray("versions")),
                List.copyOf(flags),
                List.copyOf(options));
    }

    private static OptionShare share(
            String id, String text, boolean correct, boolean inBank, boolean enough, Long chosen, long attempts) {
        if (!enough) {
            return new OptionShare(id, text, correct, inBank, null, null);
        }
        long n = chosen == null ? 0 : chosen;
        return new OptionShare(id, text, correct, inBank, n, (double) n / attempts);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .map(String::valueOf)
                        .toList();
    }

    private static LocalDate day(Timestamp t) {
        return t.toInstant().atZone(ClockProducer.ZONE).toLocalDate();
    }
}
