/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.JobFunction;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.ConflictException;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.MissingException;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.core.web.Dutch;
import nl.meldcodetour.core.web.Formats;
import nl.meldcodetour.core.web.Input;
import nl.meldcodetour.identity.People;
import nl.meldcodetour.learning.CompletionService;
import nl.meldcodetour.learning.ModuleStatus;
import nl.meldcodetour.learning.ProgressService;
import nl.meldcodetour.learning.Validity;
import nl.meldcodetour.registry.Organisation;
import nl.meldcodetour.registry.OrganisationService;

/** Staff lists and the aandachtsfunctionaris' team view: who owes which module and where they stand. */
@ApplicationScoped
public class TeamService {

    /** One required module of one colleague. */
    public record Cell(String moduleId, String moduleTitle, ModuleStatus status, LocalDate validUntil) {}

    /**
     * Where one colleague stands, as counted in the team view: every colleague counts once. Over all their required
     * modules (the same rule as the municipal dashboard, docs/dashboard.md):
     * <ul>
     * <li>{@link #NOOIT_GEDAAN}: not one required module ever passed;</li>
     * <li>{@link #VERLOPEN} ("verlopen of niet compleet"): at least one required module expired or never passed;</li>
     * <li>{@link #VERLOOPT_BINNENKORT}: every required module valid, at least one expiring within 60 days;</li>
     * <li>{@link #BEHAALD}: every required module passed and not expiring soon.</li>
     * </ul>
     * With one module chosen, the same rule over that module alone: nooit gedaan, verlopen, verloopt binnenkort or
     * behaald.
     */
    public enum Standing {
        NOOIT_GEDAAN("nooit", "nooitGedaan", "Nooit gedaan", "niet-gestart", 0),
        VERLOPEN("verlopen", "verlopen", "Verlopen of niet compleet", "verlopen", 0),
        VERLOOPT_BINNENKORT(
                "verloopt-binnenkort", "verlooptBinnenkort", "Verloopt binnenkort", "verloopt-binnenkort", 1),
        BEHAALD("behaald", "behaald", "Behaald", "behaald", 2);

        private final String filter;
        private final String key;
        private final String label;
        private final String css;
        private final int tier;

        Standing(String filter, String key, String label, String css, int tier) {
            this.filter = filter;
            this.key = key;
            this.label = label;
            this.css = css;
            this.tier = tier;
        }

        /** The value of the page's status filter ({@code ?status=nooit}). */
        public String filter() {
            return filter;
        }

        /** The key in {@link Team#counts()}. */
        public String key() {
            return key;
        }

        /** The Dutch word over all required modules. */
        public String label() {
            return label;
        }

        public String css() {
            return css;
        }

        /** "Eerst wie iets moet doen": verlopen and nooit gedaan (0), then verloopt binnenkort (1), then behaald (2). */
        public int tier() {
            return tier;
        }

        public static Standing of(List<Cell> required) {
            if (!required.isEmpty()
                    && required.stream()
                            .allMatch(
                                    c -> c.status() == ModuleStatus.NIET_GESTART || c.status() == ModuleStatus.BEZIG)) {
                return NOOIT_GEDAAN;
            }
            if (required.stream().anyMatch(c -> !c.status().isValid())) {
                return VERLOPEN;
            }
            return required.stream().anyMatch(c -> c.status() == ModuleStatus.VERLOOPT_BINNENKORT)
                    ? VERLOOPT_BINNENKORT
                    : BEHAALD;
        }

        /** The standing for a status filter value, or empty for "all" and unknown values. */
        public static Optional<Standing> ofFilter(String filter) {
            return Arrays.stream(values()).filter(s -> s.filter.equals(filter)).findFirst();
        }
    }

    /** One colleague with their required modules (or, in a module's view, that one module) and where they stand. */
    public record Row(
            long employmentId, String name, String email, String functionName, Standing status, List<Cell> modules) {}

    /** "Eerst wie iets moet doen": by {@link Standing#tier()}, then by name. */
    public static final Comparator<Row> URGENT_FIRST = Comparator.comparingInt(
                    (Row r) -> r.status().tier())
            .thenComparing(Row::name, String.CASE_INSENSITIVE_ORDER);

    /**
     * The team view of one organisation. {@code moduleId}: null over all required modules, else the view of that one
     * module (only the colleagues who must follow it). {@code counts}: the number of colleagues per {@link Standing}
     * (keys behaald, verlooptBinnenkort, verlopen, nooitGedaan), so they add up to the number of rows.
     */
    public record Team(
            long organisationId,
            String organisationName,
            String moduleId,
            List<Row> rows,
            Map<String, Integer> counts) {

        /** The view of one module: the colleagues who must follow it, with only that module and counts over it. */
        public Team forModule(String module) {
            List<Row> scoped = new ArrayList<>();
            for (Row r : rows) {
                r.modules().stream()
                        .filter(c -> c.moduleId().equals(module))
                        .findFirst()
                        .ifPresent(c -> scoped.add(new Row(
                                r.employmentId(),
                                r.name(),
                                r.email(),
                                r.functionName(),
                                Standing.of(List.of(c)),
                                List.of(c))));
            }
            return new Team(organisationId, organisationName, module, List.copyOf(scoped), countsOf(scoped));
        }

        /** The ids of the modules at least one colleague must follow. */
        public Set<String> requiredModuleIds() {
            Set<String> ids = new HashSet<>();
            rows.forEach(r -> r.modules().forEach(c -> ids.add(c.moduleId())));
            return ids;
        }
    }

    static Map<String, Integer> countsOf(List<Row> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Standing s :
                List.of(Standing.BEHAALD, Standing.VERLOOPT_BINNENKORT, Standing.VERLOPEN, Standing.NOOIT_GEDAAN)) {
            counts.put(s.key(), (int) rows.stream().filter(r -> r.status() == s).count());
        }
        return counts;
    }

    public record StaffInput(String name, String email, String functionId, LocalDate startDate) {}

    @Inject
    EntityManager em;

    @Inject
    People people;

    @Inject
    CompletionService completions;

    @Inject
    ProgressService progress;

    @Inject
    ContentService content;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The staff list with names and e-mail addresses, as seen by {@code viewer}: logged like every view of other people. */
    @Transactional
    public List<Employment> staffList(long organisationId, String viewer) {
        List<Employment> staff = currentStaff(organisationId);
        audit.record(viewer, "VIEW", "staff", organisationId, Dutch.count(staff.size(), "collega", "collega's"));
        return staff;
    }

    List<Employment> currentStaff(long organisationId) {
        LocalDate today = LocalDate.now(clock);
        return Employment.list("""
                from Employment e where e.organisationId = :o and e.startDate <= :d and (e.endDate is null or e.endDate >= :d)
                order by lower(e.name), e.id""", Parameters.with("o", organisationId).and("d", today));
    }

    /**
     * Adds a colleague. Twice the same address (a double click, the form sent again) adds nothing the second time: it
     * is refused with a message that says since when the colleague is on the list. The organisation row is locked
     * first, so two requests at once are checked one after the other.
     */
    @Transactional
    public Employment addStaff(long organisationId, StaffInput in, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = Input.text(in.name(), "name", 200, true, errors);
        String email = Input.email(in.email(), "email", true, errors);
        if (content.catalog().function(in.functionId()).isEmpty()) {
            errors.put("functionId", "Kies een bekende functie.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        OrganisationService.lockOrganisation(organisationId);
        Optional<Employment> existing = Employment.<Employment>find(
                        "organisationId = ?1 and lower(email) = ?2 and endDate is null",
                        Sort.by("id"),
                        organisationId,
                        email)
                .firstResultOptional();
        if (existing.isPresent()) {
            Employment current = existing.get();
            throw new ConflictException(current.name + " (" + current.email
                    + ") staat al op de lijst van deze organisatie, sinds " + Formats.dutch(current.startDate)
                    + ". Er is niemand dubbel toegevoegd.");
        }
        Employment e = new Employment();
        e.organisationId = organisationId;
        e.name = name;
        e.email = email;
        e.personId = people.verifiedOwner(email).orElse(null);
        e.functionId = in.functionId();
        e.startDate = in.startDate() == null ? LocalDate.now(clock) : in.startDate();
        e.createdAt = Instant.now(clock);
        e.persistAndFlush();
        audit.record(
                actor, "CREATE", "employment", e.id, "organisatie " + organisationId + ", functie " + e.functionId);
        return e;
    }

    /** Ends a job on {@code endDate} (default today); the record stays as history. */
    @Transactional
    public Employment endStaff(long organisationId, long employmentId, LocalDate endDate, String actor) {
        Employment e = Employment.findById(employmentId);
        if (e == null || e.organisationId != organisationId) {
            throw new MissingException();
        }
        e.end(endDate == null ? LocalDate.now(clock) : endDate, "Deze collega is al uit dienst sinds");
        Employment.flush();
        audit.record(actor, "END", "employment", e.id, "organisatie " + organisationId + ", tot " + e.endDate);
        return e;
    }

    /**
     * The team of an organisation: every current colleague with, per required module (core + function modules), the
     * status on today's date. Logged as a view of other people's records.
     */
    @Transactional
    public Team team(long organisationId, String organisationName, String viewer) {
        LocalDate today = LocalDate.now(clock);
        List<Employment> staff = currentStaff(organisationId);
        // per job: the passes and progress of the person bound to it (an unbound invitation has none), asked from
        // learning in one statement each for the whole team
        List<Long> bound =
                staff.stream().map(e -> e.personId).filter(Objects::nonNull).toList();
        Map<Long, Map<String, LocalDate>> validUntil = completions.validUntil(bound);
        Map<Long, Set<String>> started = progress.begun(bound);
        List<Row> rows = new ArrayList<>();
        for (Employment e : staff) {
            JobFunction function = content.catalog().function(e.functionId).orElse(null);
            List<Module> required = function == null
                    ? content.catalog().modules().stream().filter(Module::core).toList()
                    : content.catalog().modulesForFunction(function);
            List<Cell> cells = new ArrayList<>();
            for (Module m : required) {
                LocalDate until = validUntil.getOrDefault(e.personId, Map.of()).get(m.id());
                boolean begun = started.getOrDefault(e.personId, Set.of()).contains(m.id());
                cells.add(new Cell(m.id(), m.title(), Validity.status(until, begun, today), until));
            }
            rows.add(new Row(
                    e.id,
                    e.name,
                    e.email,
                    function == null ? e.functionId : function.name(),
                    Standing.of(cells),
                    List.copyOf(cells)));
        }
        audit.record(viewer, "VIEW", "team", organisationId, Dutch.count(rows.size(), "collega", "collega's"));
        rows.sort(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER));
        return new Team(organisationId, organisationName, null, List.copyOf(rows), countsOf(rows));
    }

    /**
     * What "herinnering sturen" did: a new request ({@code created}), or the one already made today for this colleague
     * and module (then nothing new is queued). {@code message} says which, in Dutch, with the time.
     */
    public record ReminderOutcome(boolean created, Instant requestedAt, Instant sentAt, String message) {}

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ClockProducer.ZONE);

    /**
     * Records a "herinnering sturen" request; the e-mail itself is sent by the reminder job. One reminder per colleague
     * per module per day (Dutch calendar day), however often and by whomever it is asked: requests for one colleague
     * and module wait for each other on an advisory lock, so a second one, also one at the same moment, finds the first
     * and queues nothing; it answers when the first was asked (and sent). Refused for a deactivated organisation: it
     * gets no more mail.
     */
    @Transactional
    public ReminderOutcome requestReminder(long organisationId, long employmentId, String moduleId, String actor) {
        Employment e = Employment.findById(employmentId);
        Module module =
                moduleId == null ? null : content.catalog().module(moduleId).orElse(null);
        if (e == null || e.organisationId != organisationId || module == null) {
            throw new MissingException();
        }
        Organisation o = Organisation.findById(organisationId);
        if (o == null || !o.active) {
            throw new ConflictException(
                    "Deze organisatie is gedeactiveerd. Haar medewerkers krijgen geen herinneringen meer.");
        }
        // SQL: advisory lock, no entity
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "reminder_request|" + employmentId + "|" + moduleId)
                .getSingleResult();
        LocalDate day = LocalDate.now(clock);
        Optional<ReminderRequest> today = ReminderRequest.<ReminderRequest>find(
                        "employmentId = ?1 and moduleId = ?2 and requestedAt >= ?3 and requestedAt < ?4",
                        Sort.by("requestedAt"),
                        employmentId,
                        moduleId,
                        day.atStartOfDay(ClockProducer.ZONE).toInstant(),
                        day.plusDays(1).atStartOfDay(ClockProducer.ZONE).toInstant())
                .firstResultOptional();
        if (today.isEmpty()) {
            ReminderRequest request = new ReminderRequest();
            request.employmentId = employmentId;
            request.moduleId = moduleId;
            request.requestedBy = actor;
            request.requestedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS); // as the database keeps it
            request.persist();
            audit.record(actor, "REMIND", "employment", employmentId, moduleId);
            return new ReminderOutcome(
                    true,
                    request.requestedAt,
                    null,
                    "De herinnering aan " + e.name + " over ‘" + module.title()
                            + "’ staat klaar en wordt binnen enkele minuten per e-mail verstuurd.");
        }
        Instant requestedAt = today.get().requestedAt;
        Instant sentAt = today.get().sentAt;
        String message = sentAt != null
                ? e.name + " kreeg vandaag om " + TIME.format(sentAt) + " al een herinnering over ‘" + module.title()
                        + "’ (aangevraagd om " + TIME.format(requestedAt)
                        + "). Er is geen tweede verstuurd; morgen kan het weer."
                : "Er is vandaag om " + TIME.format(requestedAt) + " al een herinnering aan " + e.name + " over ‘"
                        + module.title()
                        + "’ aangevraagd; die wordt binnen enkele minuten verstuurd. Er gaat geen tweede.";
        return new ReminderOutcome(false, requestedAt, sentAt, message);
    }

    public long pendingReminders(long employmentId) {
        return ReminderRequest.count("employmentId = ?1 and sentAt is null", employmentId);
    }

    /** The latest pass of a module by the person bound to a job. */

    /** A module the person bound to a job has begun. */
}
