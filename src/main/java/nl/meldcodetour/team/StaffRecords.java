/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** A colleague's current job (this feature's {@code employment}) as a staff list import finds and corrects it. */
@ApplicationScoped
public class StaffRecords {

    /** What {@link #correct} found: no current job with that address, the same name and function, or a corrected one. */
    public enum Outcome {
        NONE,
        UNCHANGED,
        UPDATED
    }

    /**
     * Sets name and function of the current job with this address (lower case) at the organisation, in the caller's
     * transaction; {@link Outcome#NONE} when there is none, so the caller adds the colleague.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome correct(long organisationId, String email, String name, String functionId) {
        Optional<Employment> current = Employment.<Employment>find(
                        "organisationId = ?1 and lower(email) = ?2 and endDate is null", organisationId, email)
                .firstResultOptional();
        if (current.isEmpty()) {
            return Outcome.NONE;
        }
        Employment e = current.get();
        if (e.functionId.equals(functionId) && e.name.equals(name)) {
            return Outcome.UNCHANGED;
        }
        e.functionId = functionId;
        e.name = name;
        return Outcome.UPDATED;
    }
}
