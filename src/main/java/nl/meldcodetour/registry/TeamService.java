package nl.meldcodetour.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.JobFunction;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.web.InvalidInputException;
import nl.meldcodetour.learning.ModuleStatus;
import nl.meldcodetour.learning.Validity;

/** Staff lists and the aandachtsfunctionaris' team view: who owes which module and where they stand. */
@ApplicationScoped
public class TeamService {

    /** One required module of one colleague. */
    public record Cell(String moduleId, String moduleTitle, ModuleStatus status, LocalDate validUntil) {
    }

    /** One colleague with their required modules. */
    public record Row(long employmentId, String name, String email, String functionName, List<Cell> modules) {
        /** The worst status, for sorting: never/expired first. */
        public int urgency() {
            return modules.stream().mapToInt(c -> switch (c.status()) {
                case VERLOPEN -> 0;
                case NIET_GESTART, BEZIG -> 1;
                case VERLOOPT_BINNENKORT -> 2;
                case BEHAALD -> 3;
            }).min().orElse(3);
        }
    }

    /** The team view of one organisation, with counts per status over all required modules. */
    public record Team(long organisationId, String organisationName, List<Row> rows, Map<String, Integer> counts) {
    }

    public record StaffInput(String name, String email, String functionId, LocalDate startDate) {
    }

    @Inject
    EntityManager em;

    @Inject
    nl.meldcodetour.identity.People people;

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
        audit.record(viewer, "VIEW", "staff", organisationId, staff.size() + " collega's");
        return staff;
    }

    List<Employment> currentStaff(long organisationId) {
        LocalDate today = LocalDate.now(clock);
        return em.createQuery("""
                from Employment e where e.organisationId = :o and e.startDate <= :d and (e.endDate is null or e.endDate >= :d)
                order by lower(e.name), e.id""", Employment.class).setParameter("o", organisationId).setParameter("d", today)
                .getResultList();
    }

    /**
     * Adds a colleague. Twice the same address (a double click, the form sent again) adds nothing the second time: it
     * is refused with a message that says since when the colleague is on the list. The organisation row is locked
     * first, so two requests at once are checked one after the other.
     */
    @Transactional
    public Employment addStaff(long organisationId, StaffInput in, String actor) {
        java.util.Map<String, String> errors = new LinkedHashMap<>();
        String name = OrganisationService.text(in.name(), "name", 200, true, errors);
        String email = OrganisationService.email(in.email(), "email", errors);
        if (content.catalog().function(in.functionId()).isEmpty()) {
            errors.put("functionId", "Kies een bekende functie.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        OrganisationService.lockOrganisation(em, organisationId);
        List<Employment> existing = em.createQuery(
                "from Employment e where e.organisationId = :o and lower(e.email) = :e and e.endDate is null order by e.id", Employment.class)
                .setParameter("o", organisationId).setParameter("e", email).getResultList();
        if (!existing.isEmpty()) {
            Employment current = existing.get(0);
            throw new nl.meldcodetour.core.web.ConflictException(current.name + " (" + current.email
                    + ") staat al op de lijst van deze organisatie, sinds " + nl.meldcodetour.core.web.Formats.dutch(current.startDate)
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
        em.persist(e);
        em.flush();
        audit.record(actor, "CREATE", "employment", e.id, "organisatie " + organisationId + ", functie " + e.functionId);
        return e;
    }

    /** Ends a job on {@code endDate} (default today); the record stays as history. */
    @Transactional
    public Employment endStaff(long organisationId, long employmentId, LocalDate endDate, String actor) {
        Employment e = em.find(Employment.class, employmentId);
        if (e == null || e.organisationId != organisationId) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        e.end(endDate == null ? LocalDate.now(clock) : endDate, "Deze collega is al uit dienst sinds");
        em.flush();
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
        // per job: the passes and progress of the person bound to it (an unbound invitation has none)
        Map<Long, Map<String, LocalDate>> validUntil = new HashMap<>();
        Map<Long, java.util.Set<String>> started = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> completions = em.createNativeQuery("""
                SELECT e.id, c.module_id, max(c.valid_until)
                FROM employment e JOIN completion c ON c.person_id = e.person_id
                WHERE e.organisation_id = ?1 AND e.end_date IS NULL
                GROUP BY e.id, c.module_id""").setParameter(1, organisationId).getResultList();
        for (Object[] r : completions) {
            validUntil.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>()).put((String) r[1], toDate(r[2]));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> progress = em.createNativeQuery("""
                SELECT e.id, m.module_id FROM employment e JOIN module_progress m ON m.person_id = e.person_id
                WHERE e.organisation_id = ?1 AND e.end_date IS NULL""")
                .setParameter(1, organisationId).getResultList();
        for (Object[] r : progress) {
            started.computeIfAbsent(((Number) r[0]).longValue(), k -> new java.util.HashSet<>()).add((String) r[1]);
        }
        Map<ModuleStatus, Integer> counts = new EnumMap<>(ModuleStatus.class);
        List<Row> rows = new ArrayList<>();
        for (Employment e : staff) {
            JobFunction function = content.catalog().function(e.functionId).orElse(null);
            List<Module> required = function == null ? content.catalog().modules().stream().filter(Module::core).toList()
                    : content.catalog().modulesForFunction(function);
            List<Cell> cells = new ArrayList<>();
            for (Module m : required) {
                LocalDate until = validUntil.getOrDefault(e.id, Map.of()).get(m.id());
                boolean begun = started.getOrDefault(e.id, java.util.Set.of()).contains(m.id());
                ModuleStatus status = Validity.status(until, begun, today);
                counts.merge(status, 1, Integer::sum);
                cells.add(new Cell(m.id(), m.title(), status, until));
            }
            rows.add(new Row(e.id, e.name, e.email, function == null ? e.functionId : function.name(), List.copyOf(cells)));
        }
        audit.record(viewer, "VIEW", "team", organisationId, rows.size() + " collega's");
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("behaald", counts.getOrDefault(ModuleStatus.BEHAALD, 0));
        summary.put("verlooptBinnenkort", counts.getOrDefault(ModuleStatus.VERLOOPT_BINNENKORT, 0));
        summary.put("verlopen", counts.getOrDefault(ModuleStatus.VERLOPEN, 0));
        summary.put("nooitGedaan", counts.getOrDefault(ModuleStatus.NIET_GESTART, 0) + counts.getOrDefault(ModuleStatus.BEZIG, 0));
        rows.sort(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER));
        return new Team(organisationId, organisationName, rows, summary);
    }

    /**
     * What "herinnering sturen" did: a new request ({@code created}), or the one already made today for this colleague
     * and module (then nothing new is queued). {@code message} says which, in Dutch, with the time.
     */
    public record ReminderOutcome(boolean created, Instant requestedAt, Instant sentAt, String message) {
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
            .withZone(nl.meldcodetour.core.time.ClockProducer.ZONE);

    /**
     * Records a "herinnering sturen" request; the e-mail itself is sent by the reminder job. One reminder per colleague
     * per module per day (Dutch calendar day), however often and by whomever it is asked: requests for one colleague
     * and module wait for each other on an advisory lock, so a second one, also one at the same moment, finds the first
     * and queues nothing; it answers when the first was asked (and sent). Refused for a deactivated organisation: it
     * gets no more mail.
     */
    @Transactional
    public ReminderOutcome requestReminder(long organisationId, long employmentId, String moduleId, String actor) {
        Employment e = em.find(Employment.class, employmentId);
        Module module = moduleId == null ? null : content.catalog().module(moduleId).orElse(null);
        if (e == null || e.organisationId != organisationId || module == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        Organisation o = em.find(Organisation.class, organisationId);
        if (o == null || !o.active) {
            throw new nl.meldcodetour.core.web.ConflictException(
                    "Deze organisatie is gedeactiveerd. Haar medewerkers krijgen geen herinneringen meer.");
        }
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "reminder_request|" + employmentId + "|" + moduleId).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> today = em.createNativeQuery("""
                SELECT requested_at, sent_at FROM reminder_request
                WHERE employment_id = ?1 AND module_id = ?2 AND (requested_at AT TIME ZONE 'Europe/Amsterdam')::date = ?3
                ORDER BY requested_at LIMIT 1""")
                .setParameter(1, employmentId).setParameter(2, moduleId).setParameter(3, LocalDate.now(clock)).getResultList();
        if (today.isEmpty()) {
            Instant now = Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as the database keeps it
            em.createNativeQuery("INSERT INTO reminder_request (employment_id, module_id, requested_by, requested_at) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, employmentId).setParameter(2, moduleId).setParameter(3, actor)
                    .setParameter(4, now.atOffset(java.time.ZoneOffset.UTC)).executeUpdate();
            audit.record(actor, "REMIND", "employment", employmentId, moduleId);
            return new ReminderOutcome(true, now, null, "De herinnering aan " + e.name + " over ‘" + module.title()
                    + "’ staat klaar en wordt binnen enkele minuten per e-mail verstuurd.");
        }
        Instant requestedAt = nl.meldcodetour.core.db.SqlValues.instant(today.get(0)[0]);
        Instant sentAt = nl.meldcodetour.core.db.SqlValues.instant(today.get(0)[1]);
        String message = sentAt != null
                ? e.name + " kreeg vandaag om " + TIME.format(sentAt) + " al een herinnering over ‘" + module.title()
                        + "’ (aangevraagd om " + TIME.format(requestedAt) + "). Er is geen tweede verstuurd; morgen kan het weer."
                : "Er is vandaag om " + TIME.format(requestedAt) + " al een herinnering aan " + e.name + " over ‘" + module.title()
                        + "’ aangevraagd; die wordt binnen enkele minuten verstuurd. Er gaat geen tweede.";
        return new ReminderOutcome(false, requestedAt, sentAt, message);
    }

    public long pendingReminders(long employmentId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM reminder_request WHERE employment_id = ?1 AND sent_at IS NULL")
                .setParameter(1, employmentId).getSingleResult()).longValue();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
