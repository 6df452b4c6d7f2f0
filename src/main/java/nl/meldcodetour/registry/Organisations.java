/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** What other features ask of or add to {@code organisation} (this feature's table) without SQL of their own. */
@ApplicationScoped
public class Organisations {

    @Inject
    EntityManager em;

    /** Whether organisation {@code id} exists and is deactivated now (a deactivated organisation goes quiet). */
    public boolean isDeactivated(long id) {
        return Organisation.count("id = ?1 and active = false", id) > 0;
    }

    /** The organisation with this KvK number and vestigingsnummer ({@code null}: none), if registered. */
    public Optional<Organisation> withKvk(String kvkNumber, String vestigingsnummer) {
        return Organisation.find(
                        "kvkNumber = ?1 and coalesce(vestigingsnummer, '') = ?2",
                        kvkNumber,
                        vestigingsnummer == null ? "" : vestigingsnummer)
                .firstResultOptional();
    }

    /** The organisation without KvK number with this name in this gemeente (both in lower case), if registered. */
    public Optional<Organisation> withoutKvk(String name, String gemeente) {
        return Organisation.find("kvkNumber is null and lower(name) = ?1 and lower(gemeente) = ?2", name, gemeente)
                .firstResultOptional();
    }

    /**
     * Inserts new organisations (their input fields) in one set-based statement, in the caller's transaction, and
     * returns their ids in order: a 10,000-row import takes seconds instead of growing the persistence context row by row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> insertAll(List<Organisation> orgs) {
        List<Long> ids = new ArrayList<>();
        if (orgs.isEmpty()) {
            return ids;
        }
        // SQL: set-based, one statement for all rows
        em.unwrap(Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement("""
                    INSERT INTO organisation (name, kvk_number, vestigingsnummer, sector, gemeente, area, postcode, staff_count, address)
                    SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                         ?::varchar[], ?::int[], ?::varchar[])
                    RETURNING id""")) {
                insert.setArray(
                        1,
                        connection.createArrayOf(
                                "varchar", orgs.stream().map(o -> o.name).toArray()));
                insert.setArray(
                        2,
                        connection.createArrayOf(
                                "varchar", orgs.stream().map(o -> o.kvkNumber).toArray()));
                insert.setArray(
                        3,
                        connection.createArrayOf(
                                "varchar",
                                orgs.stream().map(o -> o.vestigingsnummer).toArray()));
                insert.setArray(
                        4,
                        connection.createArrayOf(
                                "varchar", orgs.stream().map(o -> o.sector).toArray()));
                insert.setArray(
                        5,
                        connection.createArrayOf(
                                "varchar", orgs.stream().map(o -> o.gemeente).toArray()));
                insert.setArray(
                        6,
                        connection.createArrayOf(
                                "varchar", orgs.stream().map(o -> o.area).toArray()));
                insert.setArray(
                        7,
                        connection.createArrayOf(
                                "varchar", orgs.stream().map(o -> o.postcode).toArray()));
                insert.setArray(
                        8,
                        connection.createArrayOf(
                                "int4", orgs.stream().map(o -> o.staffCount).toArray()));
                insert.setArray(
                        9,
                        connection.createArrayOf(
                                "varchar", orgs.stream().map(o -> o.address).toArray()));
                try (var rs = insert.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        });
        return ids;
    }
}
