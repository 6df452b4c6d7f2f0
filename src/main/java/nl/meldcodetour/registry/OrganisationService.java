/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.registry;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Sector;
import nl.meldcodetour.core.ConflictException;
import nl.meldcodetour.core.DuplicateException;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.MissingException;
import nl.meldcodetour.core.db.SqlRow;
import nl.meldcodetour.core.web.Formats;
import nl.meldcodetour.core.web.Input;
import nl.meldcodetour.identity.People;
import nl.meldcodetour.learning.CompletionService;

/** The organisation and aandachtsfunctionaris registry: validation, optimistic locking, history and audit. */
@ApplicationScoped
public class OrganisationService {

    /** Someone else saved the organisation after the version this change is based on. */
    public static final class ChangedMeanwhile extends ConflictException {
        ChangedMeanwhile() {
            super(
                    "Iemand anders heeft deze organisatie intussen gewijzigd. Laad de gegevens opnieuw en voer je wijziging nog eens in.");
        }
    }

    public static final int MAX_PAGE_SIZE = 100;

    /** What an editor sends: every field of an organisation, and for an update the version it was based on. */
    public record OrganisationInput(
            String name,
            String kvkNumber,
            String vestigingsnummer,
            String sector,
            String gemeente,
            String area,
            String postcode,
            Integer staffCount,
            String address,
            Integer version) {}

    /** A row in the list, with whether the organisation needs and lacks an active aandachtsfunctionaris. */
    public record OrganisationSummary(
            long id,
            String name,
            String sector,
            String sectorName,
            String gemeente,
            String area,
            String postcode,
            boolean active,
            int activeAfCount,
            boolean afMissing) {}

    /** One page of results. {@code page} is 1-based. */
    public record Page<T>(List<T> items, int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public record AfInput(String name, String email, String location, LocalDate startDate) {}

    @Inject
    EntityManager em;

    @Inject
    People people;

    @Inject
    CompletionService completions;

    @Inject
    ContentService content;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Search by name (part), filter by sector (incl. sub-sectors) and gemeente; inactive ones only on request. */
    public Page<OrganisationSummary> search(
            String query, String sector, String gemeente, boolean includeInactive, int page, int size) {
        return search(query, sector, gemeente, null, includeInactive, page, size);
    }

    /** The same, within {@code gemeenten} (lower case; null: every gemeente): a gemeente user's scope. */
    public Page<OrganisationSummary> search(
            String query,
            String sector,
            String gemeente,
            List<String> gemeenten,
            boolean includeInactive,
            int page,
            int size) {
        int safeSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        int safePage = Math.max(1, page);
        List<String> sectors = sector == null || sector.isBlank() ? null : withSubSectors(sector.strip());
        String like = query == null || query.isBlank()
                ? null
                : "%"
                        + query.strip()
                                .toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
        String where = """
                FROM organisation o
                WHERE (CAST(:like AS text) IS NULL OR lower(o.name) LIKE CAST(:like AS text))
                  AND (CAST(:gemeente AS text) IS NULL OR lower(o.gemeente) = lower(CAST(:gemeente AS text)))
                  AND (:allGemeenten OR lower(o.gemeente) IN (:gemeenten))
                  AND (:allSectors OR o.sector IN (:sectors))
                  AND (:inactive OR o.active)
                """;
        // SQL: the paged listing with its total, active aandachtsfunctionarissen counted per row in the database
        var count = em.createNativeQuery("SELECT count(*) " + where);
        var select = em.createNativeQuery("""
                SELECT o.id, o.name, o.sector, o.gemeente, o.area, o.postcode, o.active,
                       (SELECT count(*) FROM aandachtsfunctionaris a WHERE a.organisation_id = o.id
                          AND a.start_date <= CAST(:today AS date) AND (a.end_date IS NULL OR a.end_date >= CAST(:today AS date))) AS afs
                """ + where + " ORDER BY lower(o.name), o.id OFFSET :offset LIMIT :limit");
        for (var q : List.of(count, select)) {
            q.setParameter("like", like)
                    .setParameter("gemeente", gemeente == null || gemeente.isBlank() ? null : gemeente.strip())
                    .setParameter("allGemeenten", gemeenten == null)
                    .setParameter("gemeenten", gemeenten == null || gemeenten.isEmpty() ? List.of("-") : gemeenten)
                    .setParameter("allSectors", sectors == null)
                    .setParameter("sectors", sectors == null ? List.of("-") : sectors)
                    .setParameter("inactive", includeInactive);
        }
        select.setParameter("today", LocalDate.now(clock))
                .setParameter("offset", (safePage - 1) * safeSize)
                .setParameter("limit", safeSize);
        long total = ((Number) count.getSingleResult()).longValue();
        List<OrganisationSummary> items = SqlRow.list(select, r -> {
            String sectorId = r.string(2);
            int afs = r.intValue(7);
            boolean active = r.bool(6);
            String postcode = r.string(5);
            return new OrganisationSummary(
                    r.longValue(0),
                    r.string(1),
                    sectorId,
                    sectorName(sectorId),
                    r.string(3),
                    r.string(4),
                    postcode == null ? null : postcode.strip(),
                    active,
                    afs,
                    active && afs == 0 && obliged(sectorId));
        });
        return new Page<>(items, safePage, safeSize, total);
    }

    public Optional<Organisation> find(long id) {
        return Organisation.findByIdOptional(id);
    }

    /**
     * Adds an organisation. The same organisation twice (a double click, the form sent again) is refused with a
     * {@link nl.meldcodetour.core.DuplicateException} naming the one that exists: the same KvK-nummer (and
     * vestigingsnummer), or without one the same name in the same gemeente, as the CSV import matches them. Creating
     * organisations is serialised ({@link #lockCreation}), so two identical requests at once are checked one after the
     * other.
     */
    @Transactional
    public Organisation create(OrganisationInput input, String actor) {
        Organisation o = new Organisation();
        apply(o, input);
        o.createdAt = Instant.now(clock);
        o.updatedAt = o.createdAt;
        o.registeredOn = LocalDate.now(clock);
        lockCreation();
        checkKvkUnique(o, null);
        checkNameUnique(o);
        o.persistAndFlush();
        audit.record(actor, "CREATE", "organisation", o.id, o.name);
        return o;
    }

    /**
     * Updates when {@code input.version()} is the current version; otherwise someone else saved first and the
     * change is refused with a clear message (never silently overwritten).
     */
    @Transactional
    public Organisation update(long id, OrganisationInput input, String actor) {
        Organisation o = find(id).orElseThrow(MissingException::new);
        if (input.version() == null) {
            throw new InvalidInputException(Map.of("version", "Geef de versie mee waarop je wijziging is gebaseerd."));
        }
        if (input.version() != o.version) {
            throw new ChangedMeanwhile();
        }
        Map<String, Object> before = snapshot(o);
        apply(o, input);
        checkKvkUnique(o, o.id);
        o.updatedAt = Instant.now(clock);
        Organisation.flush();
        audit.record(actor, "UPDATE", "organisation", o.id, changes(before, snapshot(o)));
        return o;
    }

    @Transactional
    public Organisation setActive(long id, boolean active, String actor) {
        Organisation o = find(id).orElseThrow(MissingException::new);
        if (o.active != active) {
            o.active = active;
            o.deactivatedOn = active ? null : LocalDate.now(clock);
            o.updatedAt = Instant.now(clock);
            Organisation.flush();
            audit.record(actor, active ? "REACTIVATE" : "DEACTIVATE", "organisation", o.id, o.name);
        }
        return o;
    }

    public List<Aandachtsfunctionaris> aandachtsfunctionarissen(long organisationId) {
        return Aandachtsfunctionaris.list("organisationId", Sort.descending("startDate", "id"), organisationId);
    }

    /**
     * Adds an aandachtsfunctionaris from {@code startDate} (default today), open-ended. Refused when the same person
     * (the same e-mail address, or the person bound to it) already is one of this organisation in a period that
     * overlaps: a double click never makes two active rows. The organisation row is locked first, so two requests at
     * once are checked one after the other.
     */
    @Transactional
    public Aandachtsfunctionaris addAandachtsfunctionaris(long organisationId, AfInput input, String actor) {
        Organisation o = lockOrganisation(organisationId);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = text(input.name(), "name", 200, true, errors);
        String email = email(input.email(), "email", errors);
        String location = text(input.location(), "location", 200, false, errors);
        LocalDate start = input.startDate() == null ? LocalDate.now(clock) : input.startDate();
        if (!o.active) {
            errors.put("organisation", "Deze organisatie is gedeactiveerd.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Long owner = people.verifiedOwner(email).orElse(null);
        Optional<Aandachtsfunctionaris> overlapping = Aandachtsfunctionaris.<Aandachtsfunctionaris>find(
                        "organisationId = :o and (lower(email) = :e or personId = :p) and (endDate is null or endDate >= :start)",
                        Sort.by("startDate", "id"),
                        Parameters.with("o", organisationId)
                                .and("e", email)
                                .and("p", owner == null ? -1L : owner)
                                .and("start", start))
                .firstResultOptional();
        if (overlapping.isPresent()) {
            Aandachtsfunctionaris same = overlapping.get();
            String period = same.endDate == null
                    ? "vanaf " + Formats.dutch(same.startDate)
                    : "van " + Formats.dutch(same.startDate) + " tot en met " + Formats.dutch(same.endDate);
            throw new DuplicateException(
                    same.name + " (" + same.email
                            + ") is al aandachtsfunctionaris van deze organisatie, " + period
                            + ". Er is niemand dubbel toegevoegd."
                            + (same.endDate == null
                                    ? ""
                                    : " Een nieuwe periode kan beginnen na " + Formats.dutch(same.endDate) + "."),
                    same.id);
        }
        Aandachtsfunctionaris af = new Aandachtsfunctionaris();
        af.organisationId = organisationId;
        af.name = name;
        af.email = email;
        af.personId = owner;
        af.location = location;
        af.startDate = start;
        af.createdAt = Instant.now(clock);
        af.persistAndFlush();
        audit.record(
                actor, "CREATE", "aandachtsfunctionaris", af.id, "organisatie " + organisationId + ", vanaf " + start);
        return af;
    }

    /** Ends an aandachtsfunctionaris on {@code endDate} (default today). The record stays as history. */
    @Transactional
    public Aandachtsfunctionaris endAandachtsfunctionaris(
            long organisationId, long afId, LocalDate endDate, String actor) {
        Aandachtsfunctionaris af = Aandachtsfunctionaris.findById(afId);
        if (af == null || af.organisationId != organisationId) {
            throw new MissingException();
        }
        LocalDate end = endDate == null ? LocalDate.now(clock) : endDate;
        af.end(end, "Deze aandachtsfunctionaris is al gestopt op");
        Aandachtsfunctionaris.flush();
        audit.record(actor, "END", "aandachtsfunctionaris", af.id, "organisatie " + organisationId + ", tot " + end);
        return af;
    }

    /**
     * Organisations where this person is an active aandachtsfunctionaris today: bound to the role by their subject,
     * never found by e-mail address (an address in a token is not proof of who someone is).
     */
    public List<Long> organisationsWhereActiveAf(long personId) {
        LocalDate today = LocalDate.now(clock);
        return Aandachtsfunctionaris.find(
                        "select organisationId from Aandachtsfunctionaris"
                                + " where personId = :p and startDate <= :d and (endDate is null or endDate >= :d)",
                        Parameters.with("p", personId).and("d", today))
                .project(Long.class)
                .list();
    }

    /**
     * Binds the unclaimed aandachtsfunctionaris roles entered with {@code email} to the person who logged in with that
     * address verified (on {@code identity.VerifiedEmail}, by whoever binds the invitations); returns how many.
     */
    public int bindInvitations(long personId, String email) {
        return Aandachtsfunctionaris.update(
                "personId = ?1 where personId is null and lower(email) = lower(?2)", personId, email);
    }

    /** A role as aandachtsfunctionaris that is bound to a person and starts later: it counts from {@code from}. */
    public record UpcomingAfRole(String organisationName, LocalDate from) {}

    /** This person's roles as aandachtsfunctionaris that start after today (bound by subject, like the active ones). */
    public List<UpcomingAfRole> upcomingAfRoles(long personId) {
        return Aandachtsfunctionaris.find("""
                        select o.name, a.startDate from Aandachtsfunctionaris a, Organisation o
                        where o.id = a.organisationId and o.active and a.personId = :p and a.startDate > :d
                        order by a.startDate, o.name
                        """, Parameters.with("p", personId).and("d", LocalDate.now(clock)))
                .project(UpcomingAfRole.class)
                .list();
    }

    /** Until when the aandachtsfunctionaris module of the person bound to a role is valid (null: never passed, or not bound). */
    public LocalDate afModuleValidUntil(Long personId) {
        if (personId == null) {
            return null;
        }
        return completions.validUntil(personId, "aandachtsfunctionaris").orElse(null);
    }

    public boolean obliged(String sectorId) {
        return content.catalog().sector(sectorId).map(Sector::obliged).orElse(true);
    }

    public String sectorName(String sectorId) {
        return content.catalog().sector(sectorId).map(Sector::name).orElse(sectorId);
    }

    // ------------------------------------------------------------------ validation

    /** Checks an input without saving; throws {@link InvalidInputException} naming every bad field. */
    public void validate(OrganisationInput in) {
        apply(new Organisation(), in);
    }

    /** Fills an organisation from a valid input, normalised as a save would (for comparing imports). */
    public void applyTo(Organisation target, OrganisationInput in) {
        apply(target, in);
    }

    private void apply(Organisation o, OrganisationInput in) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = text(in.name(), "name", 200, true, errors);
        String kvk = digits(in.kvkNumber(), "kvkNumber", 8, "Een KvK-nummer heeft 8 cijfers.", errors);
        String vestiging =
                digits(in.vestigingsnummer(), "vestigingsnummer", 12, "Een vestigingsnummer heeft 12 cijfers.", errors);
        if (vestiging != null && kvk == null && !errors.containsKey("kvkNumber")) {
            errors.put("vestigingsnummer", "Vul ook het KvK-nummer in als je een vestigingsnummer opgeeft.");
        }
        String sector = text(in.sector(), "sector", 64, true, errors);
        if (sector != null && content.catalog().sector(sector).isEmpty()) {
            errors.put(
                    "sector",
                    "Kies een bekende sector ("
                            + String.join(", ", content.catalog().sectors().keySet()) + ").");
        }
        String gemeente = text(in.gemeente(), "gemeente", 100, true, errors);
        String area = text(in.area(), "area", 100, false, errors);
        String postcode = text(in.postcode(), "postcode", 10, false, errors);
        if (postcode != null) {
            postcode = postcode.replace(" ", "");
            if (postcode.matches("[1-9][0-9]{3}[A-Za-z]{2}")) {
                postcode = postcode.substring(0, 4);
            }
            if (!postcode.matches("[1-9][0-9]{3}")) {
                errors.put("postcode", "Vul de 4 cijfers van de postcode in, bijvoorbeeld 8302.");
            }
        }
        if (in.staffCount() != null && (in.staffCount() < 0 || in.staffCount() > 1_000_000)) {
            errors.put("staffCount", "Het aantal medewerkers moet tussen 0 en 1.000.000 liggen.");
        }
        String address = text(in.address(), "address", 300, false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        o.name = name;
        o.kvkNumber = kvk;
        o.vestigingsnummer = vestiging;
        o.sector = sector;
        o.gemeente = gemeente;
        o.area = area;
        o.postcode = postcode;
        o.staffCount = in.staffCount();
        o.address = address;
    }

    /**
     * Locks the organisation row until the end of the transaction (404 when it does not exist): whoever adds people
     * to it checks for duplicates one at a time.
     */
    public static Organisation lockOrganisation(long organisationId) {
        return Organisation.<Organisation>findByIdOptional(organisationId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(MissingException::new);
    }

    /** Serialises creating organisations (form, API and CSV import) until the end of the transaction. */
    public static void lockCreation() {
        // SQL: advisory lock, no entity
        Organisation.getEntityManager()
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1)")
                .setParameter(1, CREATE_LOCK)
                .getSingleResult();
    }

    /** The advisory lock key for creating organisations (any constant no other lock uses). */
    private static final long CREATE_LOCK = 0x4f52_4743_5245_4154L; // "ORGCREAT"

    /** Without a KvK-nummer, an organisation is the same as one without a KvK-nummer with its name in its gemeente. */
    private void checkNameUnique(Organisation o) {
        if (o.kvkNumber != null) {
            return;
        }
        Optional<Organisation> same = Organisation.<Organisation>find(
                        "kvkNumber is null and lower(name) = lower(?1) and lower(gemeente) = lower(?2)",
                        Sort.by("id"),
                        o.name,
                        o.gemeente)
                .firstResultOptional();
        if (same.isPresent()) {
            Organisation existing = same.get();
            throw new DuplicateException(
                    "‘" + existing.name + "’ in " + existing.gemeente
                            + " staat al in het register (nummer " + existing.id + "). Er is geen tweede aangemaakt."
                            + (existing.active
                                    ? ""
                                    : " Ze is gedeactiveerd: activeer haar weer in plaats van een nieuwe aan te maken."),
                    existing.id);
        }
    }

    private void checkKvkUnique(Organisation o, Long self) {
        if (o.kvkNumber == null) {
            return;
        }
        List<Long> others = Organisation.find(
                        """
                        select o.id from Organisation o where o.kvkNumber = :k
                        and coalesce(o.vestigingsnummer, '') = :v and (:self is null or o.id <> :self)
                        """,
                        Parameters.with("k", o.kvkNumber)
                                .and("v", o.vestigingsnummer == null ? "" : o.vestigingsnummer)
                                .and("self", self))
                .project(Long.class)
                .list();
        if (!others.isEmpty()) {
            String message =
                    "Er staat al een organisatie met dit KvK-nummer (en vestigingsnummer) in het register (nummer "
                            + others.get(0) + ").";
            throw self == null
                    ? new DuplicateException(message + " Er is geen tweede aangemaakt.", others.get(0))
                    : new ConflictException(message);
        }
    }

    private List<String> withSubSectors(String sector) {
        List<String> result = new ArrayList<>();
        result.add(sector);
        content.catalog().sectors().values().stream()
                .filter(s -> s.parent().filter(sector::equals).isPresent())
                .forEach(s -> result.add(s.id()));
        return result;
    }

    static String text(String value, String field, int max, boolean required, Map<String, String> errors) {
        return Input.text(value, field, max, required, errors);
    }

    /** A required e-mail address, lower-cased; records a Dutch message under {@code field} when missing or invalid. */
    static String email(String value, String field, Map<String, String> errors) {
        return Input.email(value, field, true, errors);
    }

    private static String digits(String value, String field, int length, String message, Map<String, String> errors) {
        String v = value == null ? null : value.replace(" ", "").strip();
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (!v.matches("[0-9]{" + length + "}")) {
            errors.put(field, message);
            return null;
        }
        return v;
    }

    /** The editable fields of an organisation, for change logs and for comparing imports. */
    public static Map<String, Object> snapshot(Organisation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("naam", o.name);
        m.put("kvk", o.kvkNumber);
        m.put("vestiging", o.vestigingsnummer);
        m.put("sector", o.sector);
        m.put("gemeente", o.gemeente);
        m.put("wijk/dorp", o.area);
        m.put("postcode", o.postcode);
        m.put("medewerkers", o.staffCount);
        m.put("adres", o.address);
        return m;
    }

    private static String changes(Map<String, Object> before, Map<String, Object> after) {
        List<String> parts = new ArrayList<>();
        before.forEach((k, v) -> {
            Object n = after.get(k);
            if (!Objects.equals(v, n)) {
                parts.add(k + ": " + v + " → " + n);
            }
        });
        return parts.isEmpty() ? "geen wijzigingen" : String.join("; ", parts);
    }
}
