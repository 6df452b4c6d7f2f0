/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A "herinnering sturen" request for one colleague's job and one module. Made one at a time in the team view; the
 * reminder planner drops and claims the open ones set-based ({@link ReminderRequests}).
 */
@Entity
@Table(name = "reminder_request")
public class ReminderRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "employment_id", nullable = false)
    public Long employmentId;

    @Column(name = "module_id", nullable = false)
    public String moduleId;

    /** The subject of whoever asked. */
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    /** When the planner claimed it to mail it (null: still open). */
    @Column(name = "sent_at")
    public Instant sentAt;
}
