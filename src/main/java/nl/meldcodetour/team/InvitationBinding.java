/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.identity.VerifiedEmail;
import nl.meldcodetour.registry.OrganisationService;

/**
 * Binds the invitations (jobs and aandachtsfunctionaris roles entered with an e-mail address) to the person
 * who logs in with that address verified. Only unbound rows: a row bound to someone stays theirs, whoever later shows
 * a token with the same address.
 */
@ApplicationScoped
public class InvitationBinding {

    @Inject
    OrganisationService registry;

    @Inject
    AuditLog audit;

    void bind(@Observes VerifiedEmail verified) {
        int jobs = Employment.update(
                "personId = ?1 where personId is null and lower(email) = lower(?2)",
                verified.personId(),
                verified.email());
        int roles = registry.bindInvitations(verified.personId(), verified.email());
        if (jobs + roles > 0) {
            audit.record(
                    verified.subject(),
                    "BIND",
                    "person",
                    verified.personId(),
                    jobs + " dienstverband(en) en " + roles
                            + " rol(len) als aandachtsfunctionaris gekoppeld via het geverifieerde e-mailadres");
        }
    }
}
