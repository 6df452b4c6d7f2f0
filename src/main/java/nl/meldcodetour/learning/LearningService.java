package nl.meldcodetour.learning;

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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.identity.Person;

/** "Mijn modules": which modules a person must follow and where they stand with each. */
@ApplicationScoped
public class LearningService {

    /** One module as a person sees it. */
    public record ModuleOverview(Module module, ModuleStatus status, Optional<Completion> completion,
            ProgressService.Progress progress) {

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
     * Everything "Mijn modules" needs about one person in one round trip: the functions of the current jobs (kind
     * {@code f}), the best pass per module ({@code c}) and the reading progress ({@code p}). Three separate statements
     * through Hibernate cost about as much CPU as the rest of the page together (docs/benchmarks.md).
     * <p>
     * The best pass is looked up per module of the catalogue (the array parameter), each one the first entry of the
     * index {@code completion (person_id, module_id, valid_until DESC, completed_at DESC)}: the cost stays the same
     * however many passes a person collects over the years. ({@code DISTINCT ON} read and sorted every pass of the
     * person: 274 µs per call for a person with 360 passes.)
     */
    static final String LEARNER_STATE_SQL = """
            SELECT 'f', f.function_id, NULL::uuid, NULL::int, NULL::int, NULL::timestamptz, NULL::date, NULL, NULL::uuid
            FROM (SELECT DISTINCT function_id FROM employment WHERE lower(email) = lower(?)
                  AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)) f
            UNION ALL
            SELECT 'c', c.module_id, c.id, c.score, NULL, c.completed_at, c.valid_until, c.content_version, c.attempt_id
            FROM unnest(?::text[]) AS m(module_id)
            CROSS JOIN LATERAL (SELECT * FROM completion WHERE person_id = ? AND module_id = m.module_id
                  ORDER BY valid_until DESC, completed_at DESC LIMIT 1) c
            UNION ALL
            SELECT 'p', module_id, NULL, last_page, furthest_page, NULL, NULL, NULL, NULL
            FROM module_progress WHERE person_id = ?""";

    @Inject
    ContentService content;

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    private Set<String> roles() {
        return identity.getRoles();
    }

    public List<ModuleOverview> modulesOf(Person person) {
        LocalDate today = LocalDate.now(clock);
        LearnerState state = state(person, today);
        return requiredModules(person, state.functionIds()).stream()
                .map(m -> overview(m, state.latest().get(m.id()), state.progress().get(m.id()), today))
                .toList();
    }

    /** The module if it exists and belongs to this person's modules. */
    public Optional<ModuleOverview> moduleOf(Person person, String moduleId) {
        return modulesOf(person).stream().filter(o -> o.module().id().equals(moduleId)).findFirst();
    }

    /** The person's jobs, passes and progress as read by {@link #LEARNER_STATE_SQL}. */
    record LearnerState(Set<String> functionIds, Map<String, Completion> latest,
            Map<String, ProgressService.Progress> progress) {
    }

    LearnerState state(Person person, LocalDate today) {
        Set<String> functionIds = new HashSet<>();
        Map<String, Completion> latest = new HashMap<>();
        Map<String, ProgressService.Progress> progress = new HashMap<>();
        // inside a transaction (quiz submission) Agroal hands out the connection already enlisted in it
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(LEARNER_STATE_SQL)) {
            statement.setString(1, person.email);
            statement.setObject(2, today);
            statement.setObject(3, today);
            statement.setArray(4, connection.createArrayOf("text", moduleIds()));
            statement.setLong(5, person.id);
            statement.setLong(6, person.id);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String moduleId = rows.getString(2);
                    switch (rows.getString(1)) {
                        case "f" -> functionIds.add(moduleId);
                        case "c" -> {
                            Completion c = new Completion();
                            c.id = rows.getObject(3, UUID.class);
                            c.personId = person.id;
                            c.moduleId = moduleId;
                            c.score = rows.getInt(4);
                            c.completedAt = rows.getObject(6, OffsetDateTime.class).toInstant();
                            c.validUntil = rows.getObject(7, LocalDate.class);
                            c.contentVersion = rows.getString(8);
                            c.attemptId = rows.getObject(9, UUID.class);
                            latest.put(moduleId, c);
                        }
                        default -> progress.put(moduleId, new ProgressService.Progress(rows.getInt(4), rows.getInt(5)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("learner state of person " + person.id + " could not be read", e);
        }
        return new LearnerState(functionIds, latest, progress);
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
                .filter(m -> m.core() || fromFunctions.contains(m.id()) || roleModules.contains(m.id())).toList();
    }

    private static ModuleOverview overview(Module module, Completion completion, ProgressService.Progress progress,
            LocalDate today) {
        ProgressService.Progress p = progress == null ? new ProgressService.Progress(0, 0) : progress;
        ModuleStatus status = Validity.status(completion == null ? null : completion.validUntil, progress != null, today);
        return new ModuleOverview(module, status, Optional.ofNullable(completion), p);
    }
}
