/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import java.util.Set;

/**
 * The organisations whose records the logged-in user adds or added, for the coverage dashboard's disclosure rule
 * (docs/dashboard.md): their professionals are left out of what this user sees, so that records of their own cannot be
 * used to difference out the other organisations of a cell. Implemented by {@code registry} (which knows who is
 * aandachtsfunctionaris where): the coverage package does not depend on the registry.
 */
public interface OwnOrganisations {

    /**
     * Only for an authenticated request: the organisations where the user is, was or will be aandachtsfunctionaris
     * (any period: staff records they added stay behind when their role ends).
     */
    Set<Long> ofCurrentUser();

    /** True for the beheerder, who may open the team of every organisation: the dashboard has nothing to hide from them. */
    boolean seesEveryTeam();
}
