/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.certificates;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Proof of a completion. Immutable once issued. */
@Entity
@Table(name = "certificate")
public class Certificate {

    @Id
    public UUID id;

    @Column(name = "completion_id", nullable = false)
    public UUID completionId;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(nullable = false)
    public String code;

    @Column(name = "holder_name", nullable = false)
    public String holderName;

    @Column(name = "module_id", nullable = false)
    public String moduleId;

    @Column(name = "module_title", nullable = false)
    public String moduleTitle;

    @Column(name = "completed_on", nullable = false)
    public LocalDate completedOn;

    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    @Column(name = "content_version", nullable = false)
    public String contentVersion;

    @Column(nullable = false)
    public String issuer;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    /** "7KQ2-M9XD-…": the code in groups of four, as printed. */
    public String displayCode() {
        return VerificationCode.display(code);
    }

    public boolean isValidOn(LocalDate day) {
        return !validUntil.isBefore(day);
    }
}
