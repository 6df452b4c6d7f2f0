/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.meldcodetour.core.config.MeldcodetourConfig;

/** What the page layout needs on every page: who is logged in. Used in templates as {@code inject:layout}. */
@Named("layout")
@RequestScoped
public class LayoutData {

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

    /** Mapped once at startup: injecting it per request is a lookup, not a {@code @ConfigProperty}'s per-key conversion. */
    @Inject
    MeldcodetourConfig config;

    @Inject
    DisplayName displayName;

    /** How long training records are kept (privacy.RetentionJob). */
    public int getRetentionYears() {
        return config.retention().years();
    }

    /** The beheerder sees "Personen" (erasure) in the menu. */
    public boolean isBeheerder() {
        return identity.hasRole(Roles.BEHEERDER);
    }

    /** This browser's CSRF token, for the hidden field {@code csrf} in every form that changes something. */
    public String getCsrf() {
        String token = routing.get(CsrfProtection.CONTEXT_KEY);
        return token == null ? "" : token;
    }

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    /** Whether the registry is in the menu: beheerder, gemeente, regio and aandachtsfunctionaris. */
    public boolean isRegistryUser() {
        return identity.hasRole(Roles.BEHEERDER)
                || identity.hasRole(Roles.GEMEENTE)
                || identity.hasRole(Roles.REGIO)
                || identity.hasRole(Roles.AANDACHTSFUNCTIONARIS);
    }

    /** The municipal coverage dashboard is in the menu for gemeente, regio and beheerder. */
    public boolean isCoverageUser() {
        return identity.hasRole(Roles.GEMEENTE) || identity.hasRole(Roles.REGIO) || identity.hasRole(Roles.BEHEERDER);
    }

    /** "Mijn modules" is in the menu for the roles that follow modules (not for a trainer or redacteur only). */
    public boolean isLearner() {
        return Landing.isLearner(identity);
    }

    /** The item statistics of the quizzes (Toetsanalyse) are in the menu for the beheerder and the redacteur. */
    public boolean isItemStatisticsUser() {
        return identity.hasRole(Roles.BEHEERDER) || identity.hasRole(Roles.REDACTEUR);
    }

    /** The team view is in the menu for the aandachtsfunctionaris. */
    public boolean isTeamUser() {
        return identity.hasRole(Roles.AANDACHTSFUNCTIONARIS);
    }

    public String getUserName() {
        return identity.isAnonymous() ? "" : displayName.displayName();
    }
}
