/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A passed module: valid until {@link #validUntil} (inclusive), then a refresher is due. */
@Entity
@Table(name = "completion")
public class Completion {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "module_id", nullable = false)
    public String moduleId;

    @Column(name = "attempt_id")
    public UUID attemptId;

    @Column(name = "content_version", nullable = false)
    public String contentVersion;

    @Column(nullable = false)
    public int score;

    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;

    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;
}
