/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import nl.meldcodetour.core.MissingException;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.registry.Organisation;
import nl.meldcodetour.registry.OrganisationService;

/** Who may see and manage the team of an organisation: the beheerder, or an active aandachtsfunctionaris of it. */
@RequestScoped
public class TeamAccess {

    @Inject
    CurrentUser user;

    @Inject
    OrganisationService registry;

    /** The organisation, if the caller may manage its team; otherwise 404 (no hint that it exists). */
    public Organisation organisation(long id) {
        Organisation o = registry.find(id).orElseThrow(MissingException::new);
        if (!user.hasRole(Roles.BEHEERDER) && !mine().contains(id)) {
            throw new MissingException();
        }
        return o;
    }

    public List<Long> mine() {
        return user.hasRole(Roles.AANDACHTSFUNCTIONARIS)
                ? registry.organisationsWhereActiveAf(user.person().id)
                : List.of();
    }

    public String actor() {
        return user.person().subject;
    }
}
