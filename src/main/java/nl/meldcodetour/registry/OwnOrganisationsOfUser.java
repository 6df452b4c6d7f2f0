/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.registry;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.meldcodetour.core.web.OwnOrganisations;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;

/**
 * Where the logged-in user adds or added staff records: every organisation where they are or were aandachtsfunctionaris,
 * whatever the period. The coverage dashboard leaves those organisations out of what this user sees.
 */
@RequestScoped
public class OwnOrganisationsOfUser implements OwnOrganisations {

    @Inject
    CurrentUser user;

    private Set<Long> own;

    @Override
    public Set<Long> ofCurrentUser() {
        if (own == null) {
            own = user.isLoggedIn() ? find(user.person().id) : Set.of();
        }
        return own;
    }

    @Override
    public boolean seesEveryTeam() {
        return user.hasRole(Roles.BEHEERDER);
    }

    /** The same link between person and aandachtsfunctionaris as {@link OrganisationService#organisationsWhereActiveAf}: the subject. */
    private Set<Long> find(long personId) {
        return Set.copyOf(Aandachtsfunctionaris.find(
                        "select distinct organisationId from Aandachtsfunctionaris where personId = :p",
                        Parameters.with("p", personId))
                .project(Long.class)
                .list());
    }
}
