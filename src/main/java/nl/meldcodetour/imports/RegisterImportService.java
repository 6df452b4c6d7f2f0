/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.core.ConflictException;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.MissingException;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import nl.meldcodetour.core.db.SqlRow;
import nl.meldcodetour.registry.RegisterRecords;
import nl.meldcodetour.registry.RegisterRecords.Change;
import nl.meldcodetour.registry.RegisterRecords.Home;
import nl.meldcodetour.registry.RegisterRecords.New;
import nl.meldcodetour.registry.RegisterRecords.Stored;

/**
 * Keeps the register in step with a public register (docs/registers.md): upload a file → a preview of the difference
 * (new, changed with which fields, gone, fields edited by hand that are kept) → confirm. Only records of the region's
 * gemeenten are taken. What a preview keeps is the file's records as read (never the file); the difference is worked out
 * again against the register at confirmation, so it applies to the register as it is then. Importing the same file
 * again changes nothing.
 */
@ApplicationScoped
public class RegisterImportService {

    /** Rows a file may have: the national LRK export has about 90,000. */
    static final int MAX_ROWS = 200_000;

    /** Entries per list a preview shows; the counts are always complete. */
    static final int LISTED = 200;

    /** Field names as a beheerder reads them. */
    static final Map<String, String> FIELD_LABELS = Map.of(
            "name", "naam",
            "kvkNumber", "KvK-nummer",
            "vestigingsnummer", "vestigingsnummer",
            "gemeente", "gemeente",
            "postcode", "postcode",
            "address", "adres",
            "active", "actief");

    /** A record of the file within the region: an organisation's fields (as {@link RegisterRecords#FIELDS}). */
    public record Entry(long line, String key, String type, Map<String, String> fields) {}

    /** A gastouder home of the file within the region. */
    public record HomeEntry(
            long line, String key, String bureau, String bureau2, String gemeente, String postcode, boolean active) {}

    /** The file as read: what is kept for confirmation. */
    public record Read(
            String register,
            LocalDate fileDate,
            String sha256,
            int rows,
            List<Entry> entries,
            List<HomeEntry> homes,
            int outside,
            Map<String, String> movedOut,
            Set<String> unreadableKeys,
            List<CsvImportService.RowError> errors) {}

    public record FieldChange(String field, String from, String to) {

        /** The field's name as a beheerder reads it. */
        public String label() {
            return FIELD_LABELS.getOrDefault(field, field);
        }
    }

    public record Added(String key, String name, String type, String gemeente) {}

    /** A changed organisation: the changes made, and fields edited by hand here that the register now differs on. */
    public record Changed(long id, String key, String name, List<FieldChange> changes, List<FieldChange> kept) {}

    public record Gone(long id, String key, String name, String reason) {}

    /** What a confirmation would do, or did. */
    public record Summary(
            int added,
            int changed,
            int deactivated,
            int unchanged,
            int conflicts,
            int homesAdded,
            int homesChanged,
            int homesDeactivated) {}

    /** The preview page's content. */
    public record Preview(
            UUID id,
            String register,
            String label,
            LocalDate fileDate,
            int rows,
            int outside,
            int notRegistered,
            Summary summary,
            List<Added> added,
            List<Changed> changed,
            List<Gone> gone,
            List<CsvImportService.RowError> errors,
            Instant confirmedAt) {

        public boolean confirmed() {
            return confirmedAt != null;
        }

        public boolean nothingToDo() {
            return summary.added()
                            + summary.changed()
                            + summary.deactivated()
                            + summary.homesAdded()
                            + summary.homesChanged()
                            + summary.homesDeactivated()
                    == 0;
        }

        public boolean shortened() {
            return added.size() >= LISTED || changed.size() >= LISTED || gone.size() >= LISTED;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    RegisterRecords records;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    MeldcodetourConfig config;

    // ------------------------------------------------------------------ upload

    /**
     * Reads the file, keeps what it says for the region, and returns the preview. A file that can't be read stores
     * nothing ({@link InvalidInputException} with the reason).
     */
    @Transactional
    public Preview upload(Register register, Upload file, LocalDate fileDate, String actor) {
        LocalDate today = LocalDate.now(clock);
        if (fileDate == null) {
            fileDate = today;
        }
        if (fileDate.isAfter(today)) {
            throw new InvalidInputException(Map.of("datum", "De datum van het bestand ligt in de toekomst."));
        }
        Read read = read(register, file, fileDate);
        // SQL: the same preview table as the CSV import (purged after its lifetime); at most a few per person
        em.createNativeQuery("""
                DELETE FROM csv_import WHERE id IN (SELECT id FROM csv_import WHERE created_by = ?1 AND kind = 'register'
                                                    ORDER BY created_at DESC OFFSET ?2)""")
                .setParameter(1, actor)
                .setParameter(2, CsvImportService.PENDING_PER_PERSON - 1)
                .executeUpdate();
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO csv_import (id, kind, content, created_by) VALUES (?1, 'register', ?2, ?3)")
                .setParameter(1, id)
                .setParameter(2, write(read))
                .setParameter(3, actor)
                .executeUpdate();
        return preview(id, read, plan(register, read), null);
    }

    /** The stored import of this person: its preview against the register as it is now, or its outcome. */
    public Optional<Preview> find(UUID id, String actor) {
        return stored(id, actor, false).map(s -> {
            if (s.outcome() != null) {
                return s.outcome();
            }
            Register register = Register.of(s.read().register()).orElseThrow(MissingException::new);
            return preview(id, s.read(), plan(register, s.read()), null);
        });
    }

    /** Confirms: applies the difference as it is now. Twice: the second time changes nothing (409). */
    @Transactional
    public Summary confirm(UUID id, String actor) {
        StoredImport s = stored(id, actor, true).orElseThrow(MissingException::new);
        if (s.outcome() != null) {
            throw new ConflictException("Deze import is al verwerkt. Er is niets dubbel opgeslagen.");
        }
        Register register = Register.of(s.read().register()).orElseThrow(MissingException::new);
        Plan plan = plan(register, s.read());
        LocalDate today = LocalDate.now(clock);
        records.insert(register.source, plan.newOrganisations, today);
        records.update(plan.changes, s.read().fileDate());
        records.saveHomes(plan.homes);
        Summary summary = plan.summary();
        Instant now = Instant.now(clock);
        // once confirmed, only the outcome is kept: the records read are in the register now
        em.createNativeQuery("UPDATE csv_import SET content = ?1 WHERE id = ?2")
                .setParameter(1, write(new Confirmation(preview(id, s.read(), plan, now))))
                .setParameter(2, id)
                .executeUpdate();
        audit.record(
                actor,
                "IMPORT",
                "register",
                register.id(),
                "bestand " + s.read().fileDate() + " (SHA-256 " + s.read().sha256() + "): nieuw " + summary.added()
                        + ", gewijzigd " + summary.changed() + ", gedeactiveerd "
                        + summary.deactivated() + ", handmatige wijzigingen bewaard " + summary.conflicts()
                        + ", gastouderadressen "
                        + (summary.homesAdded() + summary.homesChanged() + summary.homesDeactivated()));
        return summary;
    }

    // ------------------------------------------------------------------ reading

    /** The region's gemeenten by their lower-case name (the installation's spelling as value). */
    private Map<String, String> gemeenten() {
        Map<String, String> byName = new HashMap<>();
        for (String g : config.region().gemeenten()) {
            byName.put(normal(g), g.strip());
        }
        return byName;
    }

    /** An uploaded file that can be read more than once (to find its encoding, then to read it), as a stream. */
    @FunctionalInterface
    public interface Upload {
        InputStream open() throws IOException;
    }

    Read read(Register register, Upload file, LocalDate fileDate) {
        Map<String, String> region = gemeenten();
        String gemeenteColumn = register == Register.LRK ? "verantwoordelijke_gemeente" : "gemeentenaam";
        // outside the region: counted; remembered only for the register's records stored here ("moved away")
        Set<String> known = records.of(register.source, register.types).keySet();
        Map<String, String> movedOut = new LinkedHashMap<>();
        int[] outside = {0};
        CsvTable table;
        String sha256;
        try {
            sha256 = sha256(file);
            Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
            try (Reader reader = new InputStreamReader(file.open(), charset)) {
                table = CsvTable.parse(reader, register.columns(), register.required(), MAX_ROWS, row -> {
                    String text = row.get(gemeenteColumn);
                    if (text != null && region.containsKey(normal(text))) {
                        return true;
                    }
                    outside[0]++;
                    String key = key(register, row);
                    if (key != null && known.contains(key)) {
                        movedOut.put(key, text == null ? "onbekend" : title(text));
                    }
                    return false;
                });
            }
        } catch (CsvTable.UnreadableException e) {
            throw new InvalidInputException(Map.of("bestand", e.getMessage()));
        } catch (IOException e) {
            throw new InvalidInputException(Map.of("bestand", "Het bestand kon niet worden gelezen."));
        }
        List<Entry> entries = new ArrayList<>();
        List<HomeEntry> homes = new ArrayList<>();
        Set<String> unreadable = new HashSet<>();
        List<CsvImportService.RowError> errors = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows) {
            String keyColumn = register == Register.LRK ? "lrk_id" : "vestigingscode";
            String key = key(register, row);
            if (key == null) {
                errors.add(new CsvImportService.RowError(row.line(), keyColumn, "Het nummer ontbreekt."));
                continue;
            }
            Long earlier = seen.putIfAbsent(key, row.line());
            if (earlier != null) {
                errors.add(new CsvImportService.RowError(
                        row.line(),
                        keyColumn,
                        key + " staat ook op regel " + earlier + "; deze regel is overgeslagen."));
                continue;
            }
            String gemeente = region.get(normal(row.get(gemeenteColumn)));
            try {
                if (register == Register.LRK) {
                    lrk(row, key, gemeente, entries, homes);
                } else {
                    entries.add(duo(register, row, key, gemeente));
                }
            } catch (RowProblem p) {
                unreadable.add(key);
                errors.add(new CsvImportService.RowError(row.line(), p.column, p.getMessage()));
            }
        }
        return new Read(
                register.id(), fileDate, sha256, table.read, entries, homes, outside[0], movedOut, unreadable, errors);
    }

    private static final class RowProblem extends RuntimeException {
        final String column;

        RowProblem(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    private static String key(Register register, CsvTable.Row row) {
        if (register == Register.LRK) {
            return row.get("lrk_id");
        }
        String code = row.get("vestigingscode");
        if (code == null) {
            return null;
        }
        code = code.toUpperCase(Locale.ROOT);
        String brin = row.get("instellingscode");
        // some DUO releases give only the two-digit suffix
        return code.length() == 2 && brin != null ? brin.toUpperCase(Locale.ROOT) + code : code;
    }

    private static void lrk(CsvTable.Row row, String key, String gemeente, List<Entry> entries, List<HomeEntry> homes) {
        String type = row.get("type_oko") == null ? "" : row.get("type_oko").toUpperCase(Locale.ROOT);
        boolean active = "ingeschreven".equalsIgnoreCase(row.get("status"));
        String postcode = postcode(row.get("opvanglocatie_postcode"));
        if (type.equals("VGO")) {
            String bureau = row.get("gastouderbureau_1");
            if (bureau == null) {
                throw new RowProblem(
                        "gastouderbureau_1",
                        "Een voorziening voor gastouderopvang zonder gastouderbureau kan niet worden gekoppeld.");
            }
            homes.add(new HomeEntry(row.line(), key, bureau, row.get("gastouderbureau_2"), gemeente, postcode, active));
            return;
        }
        if (type.equals("PSZ")) {
            type = "KDV"; // peuterspeelzalen are kinderdagverblijven since 2018
        }
        if (!Register.LRK.types.contains(type)) {
            throw new RowProblem(
                    "type_oko",
                    "Onbekend soort opvang '" + cut(row.get("type_oko"), 20) + "': verwacht KDV, BSO, GOB of VGO.");
        }
        String place = row.get("opvanglocatie_woonplaats");
        String address = row.get("opvanglocatie_adres");
        entries.add(new Entry(
                row.line(),
                key,
                type,
                fields(
                        name(row.get("actuele_naam_oko"), "actuele_naam_oko"),
                        digits(row.get("kvk_nummer_houder"), 8),
                        digits(row.get("vestigingsnummer_houder"), 12),
                        gemeente,
                        postcode,
                        address == null ? null : cut(address + (place == null ? "" : ", " + place), 300),
                        active)));
    }

    private static Entry duo(Register register, CsvTable.Row row, String key, String gemeente) {
        String street = row.get("straatnaam");
        String number = row.get("huisnummer-toevoeging");
        String place = row.get("plaatsnaam");
        String address = street == null
                ? null
                : cut(street + (number == null ? "" : " " + number) + (place == null ? "" : ", " + title(place)), 300);
        return new Entry(
                row.line(),
                key,
                register.types.get(0),
                fields(
                        name(row.get("vestigingsnaam"), "vestigingsnaam"),
                        null,
                        null,
                        gemeente,
                        postcode(row.get("postcode")),
                        address,
                        true));
    }

    private static Map<String, String> fields(
            String name,
            String kvk,
            String vestigingsnummer,
            String gemeente,
            String postcode,
            String address,
            boolean active) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("kvkNumber", kvk);
        f.put("vestigingsnummer", vestigingsnummer);
        f.put("gemeente", gemeente);
        f.put("postcode", postcode);
        f.put("address", address);
        f.put("active", String.valueOf(active));
        return f;
    }

    private static String name(String value, String column) {
        if (value == null) {
            throw new RowProblem(column, "De naam ontbreekt.");
        }
        if (value.length() > 200) {
            throw new RowProblem(column, "De naam is langer dan 200 tekens.");
        }
        return value;
    }

    /** The digits of a number if there are exactly {@code length}; otherwise none (the register's field stays empty). */
    private static String digits(String value, int length) {
        if (value == null) {
            return null;
        }
        String d = value.replaceAll("[^0-9]", "");
        return d.length() == length ? d : null;
    }

    /** "1315HR" or "1315 HR" → "1315" (the register keeps the four digits). */
    private static String postcode(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.matches("[1-9][0-9]{3}\\s*[A-Za-z]{0,2}") ? v.substring(0, 4) : null;
    }

    private static String sha256(Upload file) throws IOException {
        try (InputStream in = new DigestInputStream(file.open(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the whole file is valid UTF-8 (with or without BOM); otherwise it is read as Windows-1252. */
    private static boolean isUtf8(Upload file) throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(file.open(), strict)) {
            char[] buffer = new char[65_536];
            while (reader.read(buffer) >= 0) {
                // only decoding
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static String normal(String gemeente) {
        return gemeente.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** "EMMELOORD" → "Emmeloord", "SINT-MICHIELSGESTEL" → "Sint-Michielsgestel" (DUO writes places in capitals). */
    static String title(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean start = true;
        for (char c : lower.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-' || c == '(';
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ the difference

    /** What a confirmation writes, and the lists a preview shows. */
    record Plan(
            List<New> newOrganisations,
            List<Change> changes,
            List<Home> homes,
            List<Added> added,
            List<Changed> changed,
            List<Gone> gone,
            int unchanged,
            int conflicts,
            int homesAdded,
            int homesChanged,
            int homesDeactivated,
            int notRegistered) {

        Summary summary() {
            return new Summary(
                    added.size(),
                    changed.size(),
                    gone.size(),
                    unchanged,
                    conflicts,
                    homesAdded,
                    homesChanged,
                    homesDeactivated);
        }
    }

    Plan plan(Register register, Read read) {
        Map<String, Stored> stored = records.of(register.source, register.types);
        List<New> newOrganisations = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        List<Added> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        List<Gone> gone = new ArrayList<>();
        int unchanged = 0;
        int conflicts = 0;
        int notRegistered = 0;
        for (Entry e : read.entries()) {
            Stored s = stored.get(e.key());
            boolean active = Boolean.parseBoolean(e.fields().get("active"));
            if (s == null) {
                if (!active) {
                    notRegistered++;
                    continue;
                }
                newOrganisations.add(new New(e.key(), e.type(), register.sector, e.fields()));
                added.add(new Added(
                        e.key(), e.fields().get("name"), e.type(), e.fields().get("gemeente")));
                continue;
            }
            Map<String, String> target = new LinkedHashMap<>(s.current());
            List<FieldChange> made = new ArrayList<>();
            List<FieldChange> kept = new ArrayList<>();
            for (String f : RegisterRecords.FIELDS) {
                String file = e.fields().get(f);
                String last = s.fromSource().containsKey(f)
                        ? s.fromSource().get(f)
                        : s.current().get(f);
                String here = s.current().get(f);
                if (Objects.equals(file, last) || Objects.equals(file, here)) {
                    continue;
                }
                if (Objects.equals(here, last)) {
                    target.put(f, file);
                    made.add(new FieldChange(f, here, file));
                } else {
                    kept.add(new FieldChange(f, here, file)); // edited here by hand: kept
                }
            }
            if (!made.isEmpty() || !e.fields().equals(s.fromSource())) {
                changes.add(new Change(s.id(), target, e.fields()));
            }
            conflicts += kept.isEmpty() ? 0 : 1;
            boolean closes = made.stream().anyMatch(c -> c.field().equals("active") && "false".equals(c.to()));
            if (closes) {
                gone.add(new Gone(s.id(), e.key(), target.get("name"), "uitgeschreven in het register"));
            } else if (!made.isEmpty() || !kept.isEmpty()) {
                changed.add(new Changed(s.id(), e.key(), target.get("name"), made, kept));
            } else {
                unchanged++;
            }
        }
        Set<String> inFile = new HashSet<>(read.unreadableKeys());
        read.entries().forEach(e -> inFile.add(e.key()));
        for (Stored s : stored.values()) {
            if (inFile.contains(s.key()) || !"true".equals(s.current().get("active"))) {
                continue;
            }
            Map<String, String> target = new LinkedHashMap<>(s.current());
            target.put("active", "false");
            Map<String, String> fromSource = new LinkedHashMap<>(s.fromSource());
            fromSource.put("active", "false");
            changes.add(new Change(s.id(), target, fromSource));
            String movedTo = read.movedOut().get(s.key());
            gone.add(new Gone(
                    s.id(),
                    s.key(),
                    s.current().get("name"),
                    movedTo != null ? "nu in " + movedTo + ", buiten de regio" : "niet meer in het register"));
        }
        List<Home> homes = new ArrayList<>();
        int[] homeCounts = homes(read, homes);
        return new Plan(
                newOrganisations,
                changes,
                homes,
                added,
                changed,
                gone,
                unchanged,
                conflicts,
                homeCounts[0],
                homeCounts[1],
                homeCounts[2],
                notRegistered);
    }

    /** Fills {@code save} with the homes to add or change; returns the counts added, changed, deactivated. */
    private int[] homes(Read read, List<Home> save) {
        if (!read.register().equals(Register.LRK.id())) {
            return new int[3];
        }
        Map<String, Home> stored = records.homes();
        LocalDate today = LocalDate.now(clock);
        int added = 0;
        int changed = 0;
        int deactivated = 0;
        Set<String> inFile = new HashSet<>(read.unreadableKeys());
        for (HomeEntry h : read.homes()) {
            inFile.add(h.key());
            Home s = stored.get(h.key());
            if (s == null) {
                if (h.active()) {
                    save.add(new Home(h.key(), h.bureau(), h.bureau2(), h.gemeente(), h.postcode(), true, today, null));
                    added++;
                }
                continue;
            }
            Home now = new Home(
                    h.key(),
                    h.bureau(),
                    h.bureau2(),
                    h.gemeente(),
                    h.postcode(),
                    h.active(),
                    s.registeredOn(),
                    h.active() ? null : s.active() ? read.fileDate() : s.deactivatedOn());
            if (!now.equals(s)) {
                save.add(now);
                if (s.active() && !h.active()) {
                    deactivated++;
                } else {
                    changed++;
                }
            }
        }
        for (Home s : stored.values()) {
            if (!inFile.contains(s.key()) && s.active()) {
                save.add(new Home(
                        s.key(),
                        s.bureauKey(),
                        s.bureauKey2(),
                        s.gemeente(),
                        s.postcode(),
                        false,
                        s.registeredOn(),
                        read.fileDate()));
                deactivated++;
            }
        }
        return new int[] {added, changed, deactivated};
    }

    private Preview preview(UUID id, Read read, Plan plan, Instant confirmedAt) {
        Register register = Register.of(read.register()).orElseThrow(MissingException::new);
        return new Preview(
                id,
                register.id(),
                register.label,
                read.fileDate(),
                read.rows(),
                read.outside(),
                plan.notRegistered(),
                plan.summary(),
                first(plan.added()),
                first(plan.changed()),
                first(plan.gone()),
                read.errors().size() > CsvImportService.Preview.ERRORS_KEPT
                        ? List.copyOf(read.errors().subList(0, CsvImportService.Preview.ERRORS_KEPT))
                        : read.errors(),
                confirmedAt);
    }

    private static <T> List<T> first(List<T> list) {
        return list.size() > LISTED ? List.copyOf(list.subList(0, LISTED)) : list;
    }

    // ------------------------------------------------------------------ storage

    /** The stored import: the file as read while it waits, or once confirmed its outcome. */
    private record StoredImport(Read read, Preview outcome) {}

    /** The JSON kept in {@code csv_import.content} once confirmed. */
    record Confirmation(Preview outcome) {}

    private Optional<StoredImport> stored(UUID id, String actor, boolean lock) {
        // SQL: the preview table of the imports feature, locked for a confirmation
        return SqlRow.first(
                        em.createNativeQuery(
                                        "SELECT content FROM csv_import WHERE id = ?1 AND created_by = ?2 AND kind = 'register'"
                                                + (lock ? " FOR UPDATE" : ""))
                                .setParameter(1, id)
                                .setParameter(2, actor),
                        r -> r.string(0))
                .flatMap(this::parse);
    }

    private Optional<StoredImport> parse(String content) {
        try {
            var tree = json.readTree(content);
            if (tree.has("outcome")) {
                return Optional.of(new StoredImport(
                        null, json.treeToValue(tree, Confirmation.class).outcome()));
            }
            return Optional.of(new StoredImport(json.treeToValue(tree, Read.class), null));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty(); // written by another version: counts as expired
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
