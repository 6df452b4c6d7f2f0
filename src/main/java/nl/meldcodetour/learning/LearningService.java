/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.identity.Person;

/** "Mijn modules": which modules a person must follow and where they stand with each. */
@ApplicationScoped
public class LearningService {

    /** One module as a person sees it. */
    public record ModuleOverview(
            Module module, ModuleStatus status, Optional<Completion> completion, ProgressService.Progress progress) {

        /** Percentage of pages reached, for the progress bar. */
        public int pagesPercent() {
            return module.pageCount() == 0 ? 0 : Math.min(100, progress.furthestPage() * 100 / module.pageCount());
        }

        /** The page to continue at: the last page read, or the first. */
        public int continuePage() {
            return Math.max(1, Math.min(progress.lastPage(), module.pageCount()));
        }
    }

    /**
     * Everything "Mijn modules" needs about one person (table alias {@code p} with {@code id}): the
     * functions of the current jobs (kind {@code f}), the best pass per module ({@code c}) and the reading progress
     * ({@code p}). Three separate statements through Hibernate cost about as much CPU as the rest of the page together
     * (docs/benchmarks.md, Decisions: Learner state in one round trip).
     * <p>
     * The best pass is looked up per module of the catalogue (the array parameter), each one the first entry of the
     * index {@code completion (person_id, module_id, valid_until DESC, completed_at DESC)}: the cost stays the same
     * however many passes a person collects over the years. ({@code DISTINCT ON} read and sorted every pass of the
     * person: 274 µs per call for a person with 360 passes.)
     */
    private static final String STATE = """
            SELECT 'f' AS kind, f.function_id AS key, NULL::uuid AS completion_id, NULL::int AS score_or_last,
                   NULL::int AS furthest, NULL::timestamptz AS completed_at, NULL::date AS valid_until,
                   NULL AS content_version, NULL::uuid AS attempt_id
            FROM (SELECT DISTINCT function_id FROM employment WHERE person_id = p.id
                  AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)) f
            UNION ALL
            SELECT 'c', c.module_id, c.id, c.score, NULL, c.completed_at, c.valid_until, c.content_version, c.attempt_id
            FROM unnest(?::text[]) AS m(module_id)
            CROSS JOIN LATERAL (SELECT * FROM completion WHERE person_id = p.id AND module_id = m.module_id
                  ORDER BY valid_until DESC, completed_at DESC LIMIT 1) c
            UNION ALL
            SELECT 'p', module_id, NULL, last_page, furthest_page, NULL, NULL, NULL, NULL
            FROM module_progress WHERE person_id = p.id""";

    /** {@link #STATE} of a person already read. Parameters: person id, today, today, module ids. */
    static final String LEARNER_STATE_SQL = """
            SELECT s.* FROM (VALUES (?::bigint)) AS p(id) CROSS JOIN LATERAL (
            """ + STATE + """
            ) s""";

    /**
     * The person row of {@code CurrentUser} and {@link #STATE} in one round trip: the learner pages need both, and
     * every round trip costs the database and the application more than the reads themselves (docs/benchmarks.md,
     * Decisions: Learner state in one round trip).
     * One row per state row, each with the person's columns; one row with NULL state when there is none; no row when
     * the person is not stored yet. Parameters: today, today, module ids, subject.
     */
    static final String PERSON_AND_LEARNER_STATE_SQL = """
            SELECT p.id, p.subject, p.display_name, p.email, p.email_verified, p.sector, p.organisation, p.mail_opt_out,
                   p.created_at, p.last_seen_at, s.*
            FROM person p LEFT JOIN LATERAL (
            """ + STATE + """
            ) s ON true
            WHERE p.subject = ?""";

    /** Columns of the person before the state columns in {@link #PERSON_AND_LEARNER_STATE_SQL}. */
    private static final int PERSON_COLUMNS = 10;

    @Inject
    ContentService content;

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    SecurityIdentity identity;

    private Set<String> roles() {
        return identity.getRoles();
    }

    public List<ModuleOverview> modulesOf(Person person) {
        LocalDate today = LocalDate.now(clock);
        return overviews(person, state(person, today), today);
    }

    /**
     * The modules of the logged-in person. When the request has not read the person yet, the person and the learner
     * state come in one statement ({@link #PERSON_AND_LEARNER_STATE_SQL}); only when the person must be written first
     * (new, changed claims, the hourly last-seen stamp) are they read separately, after the write.
     */
    public List<ModuleOverview> modulesOf(CurrentUser user) {
        if (user.hasPerson()) {
            return modulesOf(user.person());
        }
        LocalDate today = LocalDate.now(clock);
        var read = personAndState(user.subject(), today);
        if (user.adopt(read.person())) {
            return overviews(read.person(), read.state(), today);
        }
        return modulesOf(user.person());
    }

    /** The module if it exists and belongs to this person's modules. */
    public Optional<ModuleOverview> moduleOf(Person person, String moduleId) {
        return modulesOf(person).stream()
                .filter(o -> o.module().id().equals(moduleId))
                .findFirst();
    }

    /** The module if it exists and belongs to the logged-in person's modules. */
    public Optional<ModuleOverview> moduleOf(CurrentUser user, String moduleId) {
        return modulesOf(user).stream()
                .filter(o -> o.module().id().equals(moduleId))
                .findFirst();
    }

    private List<ModuleOverview> overviews(Person person, LearnerState state, LocalDate today) {
        return requiredModules(person, state.functionIds()).stream()
                .map(m ->
                        overview(m, state.latest().get(m.id()), state.progress().get(m.id()), today))
                .toList();
    }

    /** The person's jobs, passes and progress as read by {@link #STATE}. */
    record LearnerState(
            Set<String> functionIds, Map<String, Completion> latest, Map<String, ProgressService.Progress> progress) {

        LearnerState() {
            this(new HashSet<>(), new HashMap<>(), new HashMap<>());
        }

        /** Adds the current row; its state columns start after {@code offset} columns; a NULL kind adds nothing. */
        void add(ResultSet rows, int offset, long personId) throws SQLException {
            String kind = rows.getString(offset + 1);
            if (kind == null) {
                return;
            }
            String key = rows.getString(offset + 2);
            switch (kind) {
                case "f" -> functionIds.add(key);
                case "c" -> {
                    Completion c = new Completion();
                    c.id = rows.getObject(offset + 3, UUID.class);
                    c.personId = personId;
                    c.moduleId = key;
                    c.score = rows.getInt(offset + 4);
                    c.completedAt =
                            rows.getObject(offset + 6, OffsetDateTime.class).toInstant();
                    c.validUntil = rows.getObject(offset + 7, LocalDate.class);
                    c.contentVersion = rows.getString(offset + 8);
                    c.attemptId = rows.getObject(offset + 9, UUID.class);
                    latest.put(key, c);
                }
                default ->
                    progress.put(key, new ProgressService.Progress(rows.getInt(offset + 4), rows.getInt(offset + 5)));
            }
        }
    }

    /** A person as stored (null: not stored) with their learner state. */
    record PersonAndState(Person person, LearnerState state) {}

    LearnerState state(Person person, LocalDate today) {
        LearnerState state = new LearnerState();
        // inside a transaction (quiz submission) Agroal hands out the connection already enlisted in it
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(LEARNER_STATE_SQL)) {
            statement.setLong(1, person.id);
            statement.setObject(2, today);
            statement.setObject(3, today);
            statement.setArray(4, connection.createArrayOf("text", moduleIds()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    state.add(rows, 0, person.id);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("learner state of person " + person.id + " could not be read", e);
        }
        return state;
    }

    PersonAndState personAndState(String subject, LocalDate today) {
        Person person = null;
        LearnerState state = new LearnerState();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(PERSON_AND_LEARNER_STATE_SQL)) {
            statement.setObject(1, today);
            statement.setObject(2, today);
            statement.setArray(3, connection.createArrayOf("text", moduleIds()));
            statement.setString(4, subject);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (person == null) {
                        person = CurrentUser.personFrom(rows);
                    }
                    state.add(rows, PERSON_COLUMNS, person.id);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("person " + subject + " and their learner state could not be read", e);
        }
        return new PersonAndState(person, state);
    }

    /** The ids of all modules of the catalogue, for the per-module lookup of {@link #LEARNER_STATE_SQL}. */
    private String[] moduleIds() {
        return content.catalog().modules().stream().map(Module::id).toArray(String[]::new);
    }

    /**
     * With a current job in the registry, the function decides (content/functions.yml): core modules, the function's
     * modules and role modules. Without one, the sector does: core, sector and topic modules for the sector.
     */
    List<Module> requiredModules(Person person, Set<String> functionIds) {
        var catalog = content.catalog();
        Set<String> fromFunctions = new HashSet<>();
        functionIds.forEach(id -> catalog.function(id).ifPresent(f -> fromFunctions.addAll(f.modules())));
        if (fromFunctions.isEmpty()) {
            return catalog.modulesFor(person.sector(), roles());
        }
        Set<String> roleModules = new HashSet<>();
        catalog.modulesFor(Optional.empty(), roles()).forEach(m -> roleModules.add(m.id()));
        return catalog.modules().stream()
                .filter(m -> m.core() || fromFunctions.contains(m.id()) || roleModules.contains(m.id()))
                .toList();
    }

    private static ModuleOverview overview(
            Module module, Completion completion, ProgressService.Progress progress, LocalDate today) {
        ProgressService.Progress p = progress == null ? new ProgressService.Progress(0, 0) : progress;
        ModuleStatus status =
                Validity.status(completion == null ? null : completion.validUntil, progress != null, today);
        return new ModuleOverview(module, status, Optional.ofNullable(completion), p);
    }
}
