package nl.meldcodetour.learning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    @Inject
    ContentService content;

    @Inject
    CompletionService completions;

    @Inject
    ProgressService progress;

    @Inject
    Clock clock;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    private java.util.Set<String> roles() {
        return identity.getRoles();
    }

    public List<ModuleOverview> modulesOf(Person person) {
        Map<String, Completion> latest = completions.latestPerModule(person.id);
        Map<String, ProgressService.Progress> progressByModule = progress.ofPerson(person.id);
        LocalDate today = LocalDate.now(clock);
        return requiredModules(person).stream()
                .map(m -> overview(m, latest.get(m.id()), progressByModule.get(m.id()), today))
                .toList();
    }

    /** The module if it exists and belongs to this person's modules. */
    public Optional<ModuleOverview> moduleOf(Person person, String moduleId) {
        return modulesOf(person).stream().filter(o -> o.module().id().equals(moduleId)).findFirst();
    }

    /**
     * With a current job in the registry, the function decides (content/functions.yml): core modules, the function's
     * modules and role modules. Without one, the sector does: core, sector and topic modules for the sector.
     */
    List<Module> requiredModules(Person person) {
        var catalog = content.catalog();
        @SuppressWarnings("unchecked")
        List<String> functionIds = person.email == null ? List.of() : em.createNativeQuery("""
                SELECT DISTINCT function_id FROM employment WHERE lower(email) = lower(?1)
                AND start_date <= CAST(?2 AS date) AND (end_date IS NULL OR end_date >= CAST(?2 AS date))""")
                .setParameter(1, person.email).setParameter(2, LocalDate.now(clock)).getResultList();
        java.util.Set<String> fromFunctions = new java.util.HashSet<>();
        functionIds.forEach(id -> catalog.function(id).ifPresent(f -> fromFunctions.addAll(f.modules())));
        if (fromFunctions.isEmpty()) {
            return catalog.modulesFor(person.sector(), roles());
        }
        java.util.Set<String> roleModules = new java.util.HashSet<>();
        catalog.modulesFor(java.util.Optional.empty(), roles()).forEach(m -> roleModules.add(m.id()));
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
