/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.imports;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.JobFunction;
import nl.meldcodetour.core.ConflictException;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.MissingException;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import nl.meldcodetour.core.db.SqlRow;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.core.web.Formats;
import nl.meldcodetour.core.web.Input;
import nl.meldcodetour.registry.Organisation;
import nl.meldcodetour.registry.OrganisationService;
import nl.meldcodetour.registry.Organisations;
import nl.meldcodetour.team.StaffRecords;
import nl.meldcodetour.team.TeamService;
import org.jboss.logging.Logger;

/**
 * CSV import of organisations (beheerder) and staff lists (aandachtsfunctionaris or beheerder): upload -> preview
 * with per-row errors -> confirm. Nothing is written when the file has errors unless the user asks to import only the
 * valid rows. Re-importing the same file changes nothing (organisations match on KvK(+vestiging), else name +
 * gemeente; staff on e-mail).
 */
@ApplicationScoped
public class CsvImportService {

    private static final Logger LOG = Logger.getLogger(CsvImportService.class);

    public enum Kind {
        ORGANISATIONS,
        STAFF
    }

    /** A problem in one cell of one row; line 1 is the header. */
    public record RowError(long line, String column, String message) {}

    /**
     * What an import would do: counts, the errors per row, and the first good rows as they will be stored
     * ({@code columns} are the canonical column names present in the file, {@code sample} their values).
     */
    public record Preview(
            UUID id,
            String kind,
            int rows,
            int validRows,
            List<RowError> errors,
            List<String> columns,
            List<List<String>> sample) {
        static final int SAMPLE_ROWS = 10;
        /** The errors the import's page keeps and shows: a file with thousands of bad rows needs mending, not a list. */
        static final int ERRORS_KEPT = 100;

        /** This preview with at most {@link #ERRORS_KEPT} errors: what its page keeps and shows. */
        Preview kept() {
            return errors.size() <= ERRORS_KEPT
                    ? this
                    : new Preview(
                            id, kind, rows, validRows, List.copyOf(errors.subList(0, ERRORS_KEPT)), columns, sample);
        }

        /** Whether the page shows only the first errors ({@link #kept()}). */
        public boolean errorsShortened() {
            return errors.size() >= ERRORS_KEPT && invalidRows() > 0;
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        public int invalidRows() {
            return rows - validRows;
        }

        public int moreValidRows() {
            return validRows - sample.size();
        }
    }

    public record Result(int created, int updated, int unchanged, int skipped) {}

    static final Map<String, List<String>> ORGANISATION_COLUMNS = columns(
            "naam", "naam,name,organisatie,organisatienaam",
            "kvk", "kvk,kvk-nummer,kvknummer,kvk nummer",
            "vestigingsnummer", "vestigingsnummer,vestiging",
            "sector", "sector",
            "gemeente", "gemeente",
            "wijk", "wijk,dorp,wijk/dorp,wijk of dorp",
            "postcode", "postcode",
            "medewerkers", "medewerkers,aantal medewerkers,personeel",
            "adres", "adres,address");
    static final Map<String, List<String>> STAFF_COLUMNS = columns(
            "naam", "naam,name,medewerker",
            "e-mail", "e-mail,email,e-mailadres,emailadres,mail",
            "functie", "functie,function",
            "startdatum", "startdatum,in dienst,begindatum");

    private static final Map<String, String> SNAPSHOT_TO_COLUMN =
            Map.of("vestiging", "vestigingsnummer", "wijk/dorp", "wijk");

    private static final Map<String, String> ORG_FIELD_TO_COLUMN = Map.of(
            "name",
            "naam",
            "kvkNumber",
            "kvk",
            "vestigingsnummer",
            "vestigingsnummer",
            "sector",
            "sector",
            "gemeente",
            "gemeente",
            "area",
            "wijk",
            "postcode",
            "postcode",
            "staffCount",
            "medewerkers",
            "address",
            "adres");

    @Inject
    EntityManager em;

    @Inject
    OrganisationService registry;

    @Inject
    TeamService teams;

    @Inject
    Organisations organisations;

    @Inject
    StaffRecords staffRecords;

    @Inject
    AuditLog audit;

    @Inject
    ContentService content;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Previews per person and kind that wait for confirmation at most; an older one is removed by a new upload. */
    static final int PENDING_PER_PERSON = 3;

    @Inject
    MeldcodetourConfig config;

    /**
     * Reads and checks the file and returns what would happen. Kept for confirmation are only the rows that passed the
     * checks, with their known columns (and how many rows did not): never the uploaded file, so what a preview holds is
     * bounded by what it would import (issue #28, point 7). A file that can't be read stores nothing. A person keeps at
     * most {@link #PENDING_PER_PERSON} previews per kind waiting: a new one removes the oldest; unconfirmed previews are
     * purged after an hour ({@link #purgePreviews()}).
     */
    @Transactional
    public Preview preview(Kind kind, Long organisationId, String text, String actor) {
        Checked checked = check(kind, text);
        em.createNativeQuery("""
                DELETE FROM csv_import WHERE id IN (SELECT id FROM csv_import WHERE created_by = ?1 AND kind = ?2
                                                    ORDER BY created_at DESC OFFSET ?3)""")
                .setParameter(1, actor)
                .setParameter(2, kind.name().toLowerCase(Locale.ROOT))
                .setParameter(3, PENDING_PER_PERSON - 1)
                .executeUpdate();
        UUID id = UUID.randomUUID();
        List<CsvTable.Row> valid = checked.rows.stream()
                .filter(r -> !checked.badLines.contains(r.line()))
                .toList();
        List<String> columns = (kind == Kind.ORGANISATIONS ? ORGANISATION_COLUMNS : STAFF_COLUMNS)
                .keySet().stream()
                        .filter(c -> checked.rows.stream().anyMatch(r -> r.get(c) != null))
                        .toList();
        // what will be stored, not what the file says: "8321 AB" is stored as 8321, an address in capitals as typed
        List<List<String>> sample = valid.stream()
                .limit(Preview.SAMPLE_ROWS)
                .map(r -> {
                    Map<String, String> stored = kind == Kind.ORGANISATIONS ? storedOrganisation(r) : storedStaff(r);
                    return columns.stream().map(c -> stored.getOrDefault(c, "")).toList();
                })
                .toList();
        Preview preview = new Preview(
                id,
                kind.name().toLowerCase(Locale.ROOT),
                checked.rows.size(),
                valid.size(),
                checked.errors,
                columns,
                sample);
        // the preview itself is kept beside the rows, so the page shows it again by GET (post/redirect/get, Back,
        // reload)
        em.createNativeQuery(
                        "INSERT INTO csv_import (id, kind, organisation_id, content, created_by) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id)
                .setParameter(2, kind.name().toLowerCase(Locale.ROOT))
                .setParameter(3, organisationId)
                .setParameter(4, StoredRows.write(json, checked.badLines.size(), valid, preview.kept()))
                .setParameter(5, actor)
                .executeUpdate();
        return preview;
    }

    /** A stored import as its page shows it: waiting for confirmation (with its preview) or confirmed (with its outcome). */
    public record Stored(
            Kind kind,
            Long organisationId,
            Optional<Preview> preview,
            Optional<Result> result,
            Optional<Instant> confirmedAt) {}

    /** The import, if it exists and was made by this person, as its page shows it. */
    public Optional<Stored> stored(UUID id, String actor) {
        return find(id, actor, false).map(row -> {
            Optional<Confirmed> confirmed = Confirmed.read(json, row.content());
            return new Stored(
                    row.kind(),
                    row.organisationId(),
                    confirmed.isPresent() ? Optional.empty() : StoredRows.preview(json, row.content()),
                    confirmed.map(Confirmed::result),
                    confirmed.map(Confirmed::confirmedAt));
        });
    }

    /**
     * Removes previews nobody confirmed within their lifetime, an hour (they hold names and e-mail addresses of
     * colleagues). Every 15 minutes on every instance, the first a minute after the start (on a new database, once the
     * migrations have made the table); deleting is idempotent, so instances need no coordination.
     */
    @Scheduled(
            identity = PURGE_JOB,
            every = "${meldcodetour.imports.purge-every}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgePreviews();
    }

    /** Deletes the previews older than their lifetime ({@code meldcodetour.imports.preview-lifetime}); returns how many. */
    @Transactional
    public int purgePreviews() {
        int purged = em.createNativeQuery("DELETE FROM csv_import WHERE created_at < now() - CAST(?1 AS interval)")
                .setParameter(1, config.imports().previewLifetime())
                .executeUpdate();
        if (purged > 0) {
            LOG.infof(
                    "Purged %d CSV previews older than %s",
                    purged, config.imports().previewLifetime());
        }
        return purged;
    }

    static final String PURGE_JOB = "csv-preview-purge";

    /** A row of {@code csv_import}: what was uploaded, for which organisation, and the kept rows or the outcome. */
    private record ImportRow(Kind kind, Long organisationId, String content) {}

    /** The stored import, if it exists and was made by this person; {@code lock}: for the rest of the transaction. */
    private Optional<ImportRow> find(UUID id, String actor, boolean lock) {
        return SqlRow.first(
                em.createNativeQuery(
                                "SELECT kind, organisation_id, content FROM csv_import WHERE id = ?1 AND created_by = ?2 AND kind <> 'register'"
                                        + (lock ? " FOR UPDATE" : ""))
                        .setParameter(1, id)
                        .setParameter(2, actor),
                r -> new ImportRow(Kind.valueOf(r.string(0).toUpperCase(Locale.ROOT)), r.longOrNull(1), r.string(2)));
    }

    /**
     * An import that was confirmed before (a double click, Back and confirm again): nothing is imported a second time;
     * this carries the outcome of the first confirmation. Answered with 409 by the API; the page shows the outcome.
     */
    public static final class AlreadyConfirmed extends ConflictException {
        private final transient Result result;

        AlreadyConfirmed(Result result, Instant at) {
            super("Deze import is al verwerkt, op "
                    + DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm", Locale.forLanguageTag("nl-NL"))
                            .withZone(ClockProducer.ZONE)
                            .format(at)
                    + " (nieuw: " + result.created() + ", bijgewerkt: " + result.updated() + ", al gelijk: "
                    + result.unchanged()
                    + ", overgeslagen: " + result.skipped() + "). Er is niets dubbel opgeslagen.");
            this.result = result;
        }

        public Result result() {
            return result;
        }
    }

    /**
     * Writes the rows. With errors in the file, only when {@code onlyValid}; then the bad rows are skipped. Once: the
     * stored preview is locked while it is confirmed, and afterwards keeps only its outcome, so a second confirmation
     * (also one at the same moment) imports nothing and gets {@link AlreadyConfirmed}.
     */
    @Transactional
    public Result confirm(UUID id, boolean onlyValid, String actor) {
        ImportRow stored = find(id, actor, true).orElseThrow(MissingException::new);
        Optional<Confirmed> confirmed = Confirmed.read(json, stored.content());
        if (confirmed.isPresent()) {
            throw new AlreadyConfirmed(confirmed.get().result(), confirmed.get().confirmedAt());
        }
        Kind kind = stored.kind();
        Long organisationId = stored.organisationId();
        StoredRows kept = StoredRows.read(json, stored.content()).orElseThrow(MissingException::new);
        // checked again: the catalogue of functions or the register may have changed since the preview
        Checked checked = checkRows(kind, kept.rows());
        if ((kept.invalidRows() > 0 || !checked.errors.isEmpty()) && !onlyValid) {
            throw new InvalidInputException(
                    Map.of(
                            "onlyValid",
                            "Het bestand bevat fouten. Verbeter het bestand, of kies ervoor alleen de goede regels te importeren."));
        }
        if (kind == Kind.ORGANISATIONS) {
            // one creator of organisations at a time: two imports of the same file, or an import and the form, never
            // both add one
            OrganisationService.lockCreation();
        } else {
            // one writer of this organisation's staff at a time: two imports of the same list never both add a
            // colleague
            OrganisationService.lockOrganisation(organisationId);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<Organisation> newOrganisations = new ArrayList<>();
        for (CsvTable.Row row : checked.rows) {
            if (checked.badLines.contains(row.line())) {
                continue;
            }
            String outcome = kind == Kind.ORGANISATIONS
                    ? importOrganisation(row, actor, newOrganisations)
                    : importStaff(organisationId, row, actor);
            switch (outcome) {
                case "created" -> created++;
                case "updated" -> updated++;
                default -> unchanged++;
            }
        }
        insertAll(newOrganisations, actor);
        Result result = new Result(created, updated, unchanged, kept.invalidRows() + checked.badLines.size());
        // the rows (names, e-mail addresses) go; the outcome stays until the purge, for a second confirmation
        em.createNativeQuery("UPDATE csv_import SET content = ?2 WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, Confirmed.write(json, new Confirmed(Instant.now(clock), result)))
                .executeUpdate();
        return result;
    }

    /**
     * What a confirmed preview keeps in {@code csv_import.content} instead of its rows: when it was confirmed and the
     * outcome, as JSON ({@code {"confirmedAt": ..., "result": {...}}}).
     */
    record Confirmed(Instant confirmedAt, Result result) {

        static String write(ObjectMapper json, Confirmed confirmed) {
            try {
                return json.writeValueAsString(
                        Map.of("confirmedAt", confirmed.confirmedAt().toString(), "result", confirmed.result()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        static Optional<Confirmed> read(ObjectMapper json, String content) {
            if (content == null || !content.startsWith("{") || !content.contains("\"confirmedAt\"")) {
                return Optional.empty();
            }
            try {
                var tree = json.readTree(content);
                if (!tree.hasNonNull("confirmedAt") || !tree.hasNonNull("result")) {
                    return Optional.empty();
                }
                return Optional.of(new Confirmed(
                        Instant.parse(tree.get("confirmedAt").asText()),
                        json.treeToValue(tree.get("result"), Result.class)));
            } catch (JsonProcessingException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    // ------------------------------------------------------------------ checking

    private record Checked(List<CsvTable.Row> rows, List<RowError> errors, Set<Long> badLines) {}

    private Checked check(Kind kind, String text) {
        CsvTable table;
        try {
            table = kind == Kind.ORGANISATIONS
                    ? CsvTable.parse(text, ORGANISATION_COLUMNS, List.of("naam", "sector", "gemeente"))
                    : CsvTable.parse(text, STAFF_COLUMNS, List.of("naam", "e-mail", "functie"));
        } catch (CsvTable.UnreadableException e) {
            throw new InvalidInputException(Map.of("file", e.getMessage()));
        }
        return checkRows(kind, table.rows);
    }

    private Checked checkRows(Kind kind, List<CsvTable.Row> rows) {
        List<RowError> errors = new ArrayList<>();
        Set<Long> bad = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : rows) {
            Map<String, String> rowErrors = kind == Kind.ORGANISATIONS ? checkOrganisation(row) : checkStaff(row);
            String key = kind == Kind.ORGANISATIONS ? organisationKey(row) : lower(row.get("e-mail"));
            if (rowErrors.isEmpty() && key != null && !seen.add(key)) {
                rowErrors.put(
                        kind == Kind.ORGANISATIONS ? (row.get("kvk") != null ? "kvk" : "naam") : "e-mail",
                        "Deze regel staat al eerder in het bestand (dubbel).");
            }
            rowErrors.forEach((column, message) -> errors.add(new RowError(row.line(), column, message)));
            if (!rowErrors.isEmpty()) {
                bad.add(row.line());
            }
        }
        return new Checked(rows, errors, bad);
    }

    /**
     * What a preview keeps for its confirmation, as JSON in {@code csv_import.content}: the rows that passed the checks
     * (line number and the known columns' cells) and how many rows did not. Content of another form (a raw file kept by
     * an earlier version) is not read: such a preview counts as expired.
     */
    record StoredRows(int invalidRows, List<CsvTable.Row> rows) {

        static String write(ObjectMapper json, int invalidRows, List<CsvTable.Row> rows, Preview preview) {
            List<Map<String, Object>> list = rows.stream()
                    .<Map<String, Object>>map(r -> {
                        Map<String, String> cells = new LinkedHashMap<>();
                        r.cells().forEach((column, value) -> {
                            if (value != null) {
                                cells.put(column, value);
                            }
                        });
                        return Map.of("line", r.line(), "cells", cells);
                    })
                    .toList();
            try {
                return json.writeValueAsString(Map.of("invalidRows", invalidRows, "rows", list, "preview", preview));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The preview kept beside the rows; empty for content without one. */
        static Optional<Preview> preview(ObjectMapper json, String content) {
            if (content == null || !content.startsWith("{")) {
                return Optional.empty();
            }
            try {
                var tree = json.readTree(content);
                return tree.hasNonNull("preview")
                        ? Optional.of(json.treeToValue(tree.get("preview"), Preview.class))
                        : Optional.empty();
            } catch (JsonProcessingException | RuntimeException e) {
                return Optional.empty();
            }
        }

        /** The JSON form of the kept rows, as {@link #write} writes it. */
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Kept(int invalidRows, List<KeptRow> rows) {}

        record KeptRow(long line, LinkedHashMap<String, String> cells) {}

        static Optional<StoredRows> read(ObjectMapper json, String content) {
            if (content == null || !content.startsWith("{")) {
                return Optional.empty();
            }
            try {
                Kept stored = json.readValue(content, Kept.class);
                List<CsvTable.Row> rows = stored.rows().stream()
                        .map(r -> new CsvTable.Row(r.line(), new LinkedHashMap<>(r.cells())))
                        .toList();
                return Optional.of(new StoredRows(stored.invalidRows(), rows));
            } catch (JsonProcessingException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private Map<String, String> checkOrganisation(CsvTable.Row row) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer staff = null;
        if (row.get("medewerkers") != null) {
            try {
                staff = Integer.valueOf(row.get("medewerkers").replace(".", ""));
            } catch (NumberFormatException e) {
                errors.put("medewerkers", "Vul een heel getal in.");
            }
        }
        try {
            registry.validate(organisationInput(row, staff));
        } catch (InvalidInputException e) {
            e.errors()
                    .forEach((field, message) ->
                            errors.putIfAbsent(ORG_FIELD_TO_COLUMN.getOrDefault(field, field), message));
        }
        return errors;
    }

    private Map<String, String> checkStaff(CsvTable.Row row) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (row.get("naam") == null) {
            errors.put("naam", "Dit veld is verplicht.");
        } else if (row.get("naam").length() > 200) {
            errors.put("naam", "Maximaal 200 tekens.");
        }
        Input.email(row.get("e-mail"), "e-mail", true, errors);
        if (function(row.get("functie")).isEmpty()) {
            errors.put(
                    "functie",
                    "Onbekende functie. Gebruik een van: "
                            + String.join(
                                    ", ",
                                    content.catalog().functions().values().stream()
                                            .map(JobFunction::name)
                                            .toList())
                            + ".");
        }
        if (row.get("startdatum") != null && date(row.get("startdatum")) == null) {
            errors.put("startdatum", "Geen geldige datum. Gebruik dd-mm-jjjj of jjjj-mm-dd.");
        }
        return errors;
    }

    /** A valid organisation row as the register stores it (normalised as a save normalises), per column. */
    private Map<String, String> storedOrganisation(CsvTable.Row row) {
        Integer staff = row.get("medewerkers") == null
                ? null
                : Integer.valueOf(row.get("medewerkers").replace(".", ""));
        Organisation o = new Organisation();
        registry.applyTo(o, organisationInput(row, staff));
        // the register's own list of fields (also its change log), under the names of the CSV columns
        Map<String, String> stored = new LinkedHashMap<>();
        OrganisationService.snapshot(o).forEach((field, value) -> {
            if (value != null) {
                stored.put(SNAPSHOT_TO_COLUMN.getOrDefault(field, field), String.valueOf(value));
            }
        });
        return stored;
    }

    /** A valid staff row as the staff list stores it: the name trimmed, the address in lower case, the function by name. */
    private Map<String, String> storedStaff(CsvTable.Row row) {
        Map<String, String> stored = new LinkedHashMap<>();
        Map<String, String> ignored = new LinkedHashMap<>();
        stored.put("naam", Input.text(row.get("naam"), "naam", 200, true, ignored));
        stored.put("e-mail", Input.email(row.get("e-mail"), "e-mail", true, ignored));
        stored.put(
                "functie", function(row.get("functie")).map(JobFunction::name).orElse(null));
        LocalDate start = date(row.get("startdatum"));
        stored.put("startdatum", start == null ? null : Formats.dutch(start));
        stored.values().removeIf(Objects::isNull);
        return stored;
    }

    // ------------------------------------------------------------------ writing

    private String importOrganisation(CsvTable.Row row, String actor, List<Organisation> newOrganisations) {
        Integer staff = row.get("medewerkers") == null
                ? null
                : Integer.valueOf(row.get("medewerkers").replace(".", ""));
        OrganisationService.OrganisationInput input = organisationInput(row, staff);
        Optional<Organisation> existing = existingOrganisation(row);
        if (existing.isEmpty()) {
            Organisation o = new Organisation();
            registry.applyTo(o, input);
            newOrganisations.add(o);
            return "created";
        }
        Organisation o = existing.get();
        OrganisationService.OrganisationInput withVersion = new OrganisationService.OrganisationInput(
                input.name(),
                input.kvkNumber(),
                input.vestigingsnummer(),
                input.sector(),
                input.gemeente(),
                input.area(),
                input.postcode(),
                input.staffCount(),
                input.address(),
                o.version);
        Map<String, Object> before = OrganisationService.snapshot(o);
        Organisation normalised = new Organisation();
        registry.applyTo(normalised, input);
        if (before.equals(OrganisationService.snapshot(normalised))) {
            return "unchanged";
        }
        registry.update(o.id, withVersion, actor);
        return "updated";
    }

    private String importStaff(Long organisationId, CsvTable.Row row, String actor) {
        String email = lower(row.get("e-mail"));
        JobFunction function = function(row.get("functie")).orElseThrow();
        return switch (staffRecords.correct(organisationId, email, row.get("naam"), function.id())) {
            case NONE -> {
                teams.addStaff(
                        organisationId,
                        new TeamService.StaffInput(row.get("naam"), email, function.id(), date(row.get("startdatum"))),
                        actor);
                yield "created";
            }
            case UPDATED -> "updated";
            case UNCHANGED -> "unchanged";
        };
    }

    private Optional<Organisation> existingOrganisation(CsvTable.Row row) {
        String kvk = digits(row.get("kvk"));
        if (kvk != null) {
            return organisations.withKvk(kvk, digits(row.get("vestigingsnummer")));
        }
        return organisations.withoutKvk(lower(row.get("naam")), lower(row.get("gemeente")));
    }

    /**
     * Inserts all new organisations, and one audit line each, in two set-based statements: a 10,000-row file takes
     * seconds instead of growing the persistence context row by row.
     */
    private void insertAll(List<Organisation> orgs, String actor) {
        audit.recordAll(actor, "CREATE", "organisation", organisations.insertAll(orgs), "CSV-import");
    }

    // ------------------------------------------------------------------ helpers

    private Optional<JobFunction> function(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return content.catalog().functions().values().stream()
                .filter(f ->
                        f.id().equals(v) || f.name().toLowerCase(Locale.ROOT).equals(v))
                .findFirst();
    }

    private static OrganisationService.OrganisationInput organisationInput(CsvTable.Row row, Integer staff) {
        return new OrganisationService.OrganisationInput(
                row.get("naam"),
                row.get("kvk"),
                row.get("vestigingsnummer"),
                row.get("sector") == null ? null : row.get("sector").toLowerCase(Locale.ROOT),
                row.get("gemeente"),
                row.get("wijk"),
                row.get("postcode"),
                staff,
                row.get("adres"),
                null);
    }

    private static String organisationKey(CsvTable.Row row) {
        String kvk = digits(row.get("kvk"));
        return kvk != null
                ? "kvk:" + kvk + "/" + digits(row.get("vestigingsnummer"))
                : "naam:" + lower(row.get("naam")) + "/" + lower(row.get("gemeente"));
    }

    private static String digits(String v) {
        return v == null ? null : v.replace(" ", "");
    }

    private static String lower(String v) {
        return v == null ? null : v.strip().toLowerCase(Locale.ROOT);
    }

    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (DateTimeFormatter f : List.of(
                DateTimeFormatter.ISO_LOCAL_DATE,
                DateTimeFormatter.ofPattern("d-M-uuuu"),
                DateTimeFormatter.ofPattern("d/M/uuuu"))) {
            try {
                return LocalDate.parse(value.strip(), f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    private static Map<String, List<String>> columns(String... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], List.of(pairs[i + 1].split(",")));
        }
        return m;
    }
}
