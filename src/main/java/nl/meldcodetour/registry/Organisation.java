/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** An organisation in the registry. Deactivated, never deleted. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "kvk_number")
    public String kvkNumber;

    public String vestigingsnummer;

    @Column(nullable = false)
    public String sector;

    @Column(nullable = false)
    public String gemeente;

    public String area;

    public String postcode;

    @Column(name = "staff_count")
    public Integer staffCount;

    public String address;

    @Column(nullable = false)
    public boolean active = true;

    /** The day the organisation entered the registry; with {@link #deactivatedOn} it dates the organisation's history. */
    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

    @Column(name = "deactivated_on")
    public LocalDate deactivatedOn;

    /** The public register it was taken from ({@code lrk}, {@code duo}; null: entered here), written by its import. */
    @Column(insertable = false, updatable = false)
    public String source;

    /** Its number in that register: LRK number, or BRIN + vestigingscode. */
    @Column(name = "source_key", insertable = false, updatable = false)
    public String sourceKey;

    /** The register's kind of organisation (KDV, BSO, GOB; po, so, vo, mbo). */
    @Column(name = "source_type", insertable = false, updatable = false)
    public String sourceType;

    @Version
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
