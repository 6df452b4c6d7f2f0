/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import nl.meldcodetour.core.web.GemeenteScope;
import nl.meldcodetour.core.web.Roles;

/**
 * The logged-in user's gemeente scope, once per request: the beheerder and {@code regio} see every gemeente; a
 * {@code gemeente} user the gemeenten of {@link GemeenteScopes}; anyone else none (they reach no page that asks).
 * Code that runs without a user (a job, a test calling a service) has no limit: every endpoint that reads scoped data
 * requires a role (AuthorizationMatrixTest).
 */
@RequestScoped
public class GemeenteScopeOfUser implements GemeenteScope {

    @Inject
    CurrentUser user;

    @Inject
    GemeenteScopes scopes;

    private Scope scope;

    @Override
    public Scope ofCurrentUser() {
        if (scope == null) {
            if (!user.isLoggedIn() || user.hasRole(Roles.BEHEERDER) || user.hasRole(Roles.REGIO)) {
                scope = Scope.ALL;
            } else if (user.hasRole(Roles.GEMEENTE)) {
                scope = new Scope(false, scopes.of(user.subject(), user.gemeenteClaim()));
            } else {
                scope = new Scope(false, List.of());
            }
        }
        return scope;
    }
}
