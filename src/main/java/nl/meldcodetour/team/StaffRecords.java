/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** A colleague's current job (this feature's {@code employment}) as a staff list import finds and corrects it. */
@ApplicationScoped
public class StaffRecords {

    /** What {@link #correct} found: no current job with that address, the same name and function, or a corrected one. */
    public enum Outcome {
        NONE,
        UNCHANGED,
        UPDATED
    }

    @Inject
    EntityManager em;

    /**
     * Sets name and function of the current job with this address (lower case) at the organisation, in the caller's
     * transaction; {@link Outcome#NONE} when there is none, so the caller adds the colleague.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome correct(long organisationId, String email, String name, String functionId) {
        List<Employment> current = em.createQuery(
                        "from Employment where organisationId = :o and lower(email) = :e and endDate is null",
                        Employment.class)
                .setParameter("o", organisationId)
                .setParameter("e", email)
                .getResultList();
        if (current.isEmpty()) {
            return Outcome.NONE;
        }
        Employment e = current.get(0);
        if (e.functionId.equals(functionId) && e.name.equals(name)) {
            return Outcome.UNCHANGED;
        }
        e.functionId = functionId;
        e.name = name;
        return Outcome.UPDATED;
    }
}
