/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldcodetour.core.db.SqlRow;
import org.hibernate.Session;

/**
 * The organisations (and gastouder homes) that came from a public register, for the register import in
 * {@code imports}: read per source and kind, and written set-based. Fields travel as a map from the names in
 * {@link #FIELDS} to their text, so the import compares a register's values with what is stored and with what the
 * register said last time ({@code organisation.source_values}: a field that differs from it was edited by hand).
 */
@ApplicationScoped
public class RegisterRecords {

    /** The fields a register sets; {@code active} is "true" or "false". */
    public static final List<String> FIELDS =
            List.of("name", "kvkNumber", "vestigingsnummer", "gemeente", "postcode", "address", "active");

    /** An organisation of a register as stored: its fields now, and as the register gave them last. */
    public record Stored(
            long id, String key, String type, Map<String, String> current, Map<String, String> fromSource) {}

    /** A register record to add as an organisation. */
    public record New(String key, String type, String sector, Map<String, String> fields) {}

    /** New values for an organisation of a register ({@code fields}: all of {@link #FIELDS}) and the register's own. */
    public record Change(long id, Map<String, String> fields, Map<String, String> fromSource) {}

    /** A voorziening voor gastouderopvang: a gastouder's home, covered by its bureau(s); no name or address. */
    public record Home(
            String key,
            String bureauKey,
            String bureauKey2,
            String gemeente,
            String postcode,
            boolean active,
            LocalDate registeredOn,
            LocalDate deactivatedOn) {}

    private static final TypeReference<Map<String, String>> FIELD_MAP = new TypeReference<>() {};

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** The organisations of this register of these kinds, by their key in the register. */
    public Map<String, Stored> of(String source, Collection<String> types) {
        Map<String, Stored> stored = new HashMap<>();
        // SQL: one statement for all of a register's organisations, with the jsonb of what it said last
        SqlRow.list(
                        em.createNativeQuery("""
                                SELECT id, source_key, source_type, name, kvk_number, vestigingsnummer, gemeente, postcode,
                                       address, active, source_values::text
                                FROM organisation WHERE source = ?1 AND source_type = ANY(?2)""").setParameter(1, source).setParameter(2, types.toArray(String[]::new)),
                        r -> {
                            Map<String, String> current = new LinkedHashMap<>();
                            for (int i = 0; i < FIELDS.size() - 1; i++) {
                                current.put(FIELDS.get(i), r.string(3 + i));
                            }
                            current.put("active", String.valueOf(r.bool(9)));
                            return new Stored(r.longValue(0), r.string(1), r.string(2), current, fields(r.string(10)));
                        })
                .forEach(s -> stored.put(s.key(), s));
        return stored;
    }

    /** Adds the records as organisations registered on {@code registeredOn} (the import's day). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(String source, List<New> records, LocalDate registeredOn) {
        if (records.isEmpty()) {
            return;
        }
        // SQL: set-based, one batch for all rows (10,000 rows in well under a second)
        work(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO organisation (name, kvk_number, vestigingsnummer, sector, gemeente, postcode, address, active,
                                              registered_on, source, source_key, source_type, source_values)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
                for (New r : records) {
                    Map<String, String> f = r.fields();
                    insert.setString(1, f.get("name"));
                    insert.setString(2, f.get("kvkNumber"));
                    insert.setString(3, f.get("vestigingsnummer"));
                    insert.setString(4, r.sector());
                    insert.setString(5, f.get("gemeente"));
                    insert.setString(6, f.get("postcode"));
                    insert.setString(7, f.get("address"));
                    insert.setBoolean(8, Boolean.parseBoolean(f.get("active")));
                    insert.setDate(9, Date.valueOf(registeredOn));
                    insert.setString(10, source);
                    insert.setString(11, r.key());
                    insert.setString(12, r.type());
                    insert.setString(13, text(f));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Stores the changes; an organisation that becomes inactive is deactivated from {@code fileDate} (the register's
     * date), one that is active again has no deactivation date.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(List<Change> changes, LocalDate fileDate) {
        if (changes.isEmpty()) {
            return;
        }
        // SQL: set-based, one batch for all rows
        work(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE organisation SET name = ?, kvk_number = ?, vestigingsnummer = ?, gemeente = ?, postcode = ?,
                        address = ?, active = ?,
                        deactivated_on = CASE WHEN ? THEN NULL WHEN active THEN ? ELSE deactivated_on END,
                        source_values = ?::jsonb, version = version + 1, updated_at = now()
                    WHERE id = ?""")) {
                for (Change ch : changes) {
                    Map<String, String> f = ch.fields();
                    boolean active = Boolean.parseBoolean(f.get("active"));
                    update.setString(1, f.get("name"));
                    update.setString(2, f.get("kvkNumber"));
                    update.setString(3, f.get("vestigingsnummer"));
                    update.setString(4, f.get("gemeente"));
                    update.setString(5, f.get("postcode"));
                    update.setString(6, f.get("address"));
                    update.setBoolean(7, active);
                    update.setBoolean(8, active);
                    update.setDate(9, Date.valueOf(fileDate));
                    update.setString(10, text(ch.fromSource()));
                    update.setLong(11, ch.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
        em.clear(); // entities read before are stale now
    }

    /** The gastouder homes of the register, by their LRK number. */
    public Map<String, Home> homes() {
        Map<String, Home> homes = new HashMap<>();
        // SQL: one statement for all homes; no entity (rows only the register import writes)
        SqlRow.list(
                        em.createNativeQuery("""
                                SELECT lrk_key, bureau_key, bureau_key_2, gemeente, postcode, active, registered_on,
                                       deactivated_on FROM childcare_home"""),
                        r -> new Home(
                                r.string(0),
                                r.string(1),
                                r.string(2),
                                r.string(3),
                                r.string(4),
                                r.bool(5),
                                r.date(6),
                                r.date(7)))
                .forEach(h -> homes.put(h.key(), h));
        return homes;
    }

    /** Adds or replaces these homes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void saveHomes(List<Home> homes) {
        if (homes.isEmpty()) {
            return;
        }
        // SQL: set-based, one batch for all rows
        work(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO childcare_home (lrk_key, bureau_key, bureau_key_2, gemeente, postcode, active, registered_on,
                                                deactivated_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (lrk_key) DO UPDATE SET bureau_key = EXCLUDED.bureau_key, bureau_key_2 = EXCLUDED.bureau_key_2,
                        gemeente = EXCLUDED.gemeente, postcode = EXCLUDED.postcode, active = EXCLUDED.active,
                        deactivated_on = EXCLUDED.deactivated_on, updated_at = now()""")) {
                for (Home h : homes) {
                    upsert.setString(1, h.key());
                    upsert.setString(2, h.bureauKey());
                    upsert.setString(3, h.bureauKey2());
                    upsert.setString(4, h.gemeente());
                    upsert.setString(5, h.postcode());
                    upsert.setBoolean(6, h.active());
                    upsert.setDate(7, Date.valueOf(h.registeredOn()));
                    if (h.deactivatedOn() == null) {
                        upsert.setNull(8, Types.DATE);
                    } else {
                        upsert.setDate(8, Date.valueOf(h.deactivatedOn()));
                    }
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /** The active homes a gastouderbureau (its LRK number) covers. */
    public long homesOf(String bureauKey) {
        // SQL: a count over the rows only the register import writes; no entity
        return ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM childcare_home WHERE active AND (bureau_key = ?1 OR bureau_key_2 = ?1)")
                        .setParameter(1, bureauKey)
                        .getSingleResult())
                .longValue();
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void work(Work work) {
        em.flush();
        em.unwrap(Session.class).doWork(work::run);
    }

    private Map<String, String> fields(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, FIELD_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("organisation.source_values is not a JSON object of texts", e);
        }
    }

    private String text(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
