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

/**
 * A person's registration for a session, one per person and session: {@code registered}, {@code waitlisted} (in order
 * of {@link #registeredAt}, then id) or {@code cancelled}.
 */
@Entity
@Table(name = "session_registration")
public class SessionRegistration extends PanacheEntityBase {

    static final String REGISTERED = "registered";
    static final String WAITLISTED = "waitlisted";
    static final String CANCELLED = "cancelled";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    public Long sessionId;

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Column(nullable = false)
    public String status;

    /** When the person (last) registered: the waitlist's order. */
    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    /** When they moved up from the waitlist. */
    @Column(name = "promoted_at")
    public Instant promotedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** Present (true) or absent (false); null: not marked yet. */
    public Boolean attended;

    @Column(name = "attendance_marked_by")
    public String attendanceMarkedBy;
}
