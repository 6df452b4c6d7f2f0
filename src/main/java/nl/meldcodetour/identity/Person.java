/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A person as mirrored from the identity provider on login. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, updatable = false)
    public String subject;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    /** Whether the identity provider said it verified {@link #email} ({@code email_verified}); only then can it claim invitations. */
    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    public String sector;

    public String organisation;

    /** No optional e-mails (reminders before expiry, digests); mandatory service mails still arrive. */
    @Column(name = "mail_opt_out", nullable = false)
    public boolean mailOptOut;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    public Optional<String> sector() {
        return Optional.ofNullable(sector);
    }
}
