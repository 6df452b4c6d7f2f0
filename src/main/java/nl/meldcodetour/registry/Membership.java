/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import nl.meldcodetour.core.ConflictException;
import nl.meldcodetour.core.InvalidInputException;

/**
 * Someone tied to an organisation for a period: an aandachtsfunctionaris or a job. Never deleted; ending sets the
 * end date, so the history stays.
 */
@MappedSuperclass
public abstract class Membership extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organisation_id", nullable = false)
    public Long organisationId;

    @Column(nullable = false)
    public String name;

    /** The invitation: whoever logs in with this address, verified by the identity provider, is bound to the row. */
    @Column(nullable = false)
    public String email;

    /** The person bound to the row (null: the invitation is not claimed yet). From then on the row is theirs. */
    @Column(name = "person_id")
    public Long personId;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean isActiveOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }

    /**
     * Ends the membership on {@code end}. Refused when it already ended ({@code alreadyEnded} + the date is the
     * message) or when {@code end} lies before the start.
     */
    public void end(LocalDate end, String alreadyEnded) {
        if (endDate != null) {
            throw new ConflictException(alreadyEnded + " " + endDate + ".");
        }
        if (end.isBefore(startDate)) {
            throw new InvalidInputException(
                    Map.of("endDate", "De einddatum kan niet voor de startdatum (" + startDate + ") liggen."));
        }
        endDate = end;
    }
}
