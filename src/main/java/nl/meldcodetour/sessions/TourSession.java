/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A session (bijeenkomst) of the meldcodetour, as planned; changed through {@link SessionService} only. */
@Entity
@Table(name = "tour_session")
public class TourSession extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String title;

    /** The sectors it is for; empty: every sector. */
    @Column(nullable = false)
    public String[] sectors;

    /** The modules it covers. */
    @Column(nullable = false)
    public String[] modules;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    public String place;

    @Column(name = "online_url")
    public String onlineUrl;

    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false)
    public String trainer;

    /** The trainer's address: the invitation that binds {@link #trainerPersonId}, and the contact address. */
    @Column(name = "trainer_email")
    public String trainerEmail;

    /** The trainer as a person, bound by a verified e-mail address; null until then. */
    @Column(name = "trainer_person_id")
    public Long trainerPersonId;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Counts changes (time, place, capacity, cancellation): a notice is sent once per change, keyed by it. A plain
     * column, not a JPA {@code @Version}: nothing else should bump it.
     */
    @Column(nullable = false)
    public int version;

    public boolean cancelled() {
        return cancelledAt != null;
    }
}
