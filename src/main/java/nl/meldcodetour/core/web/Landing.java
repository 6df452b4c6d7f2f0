/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Where someone goes after logging in, and what the start page offers them: the first page their roles may see.
 * Everyone who follows modules lands on "Mijn modules"; a content author only (redacteur) on the item statistics; a
 * trainer only on the sessions.
 */
public record Landing(String path, String label) {

    static final Landing MODULES = new Landing("/mijn-modules", "Naar mijn modules");
    static final Landing ITEM_STATISTICS = new Landing("/toetsanalyse", "Naar de toetsanalyse");
    static final Landing SESSIONS = new Landing("/bijeenkomsten", "Naar de bijeenkomsten");

    public static Landing of(SecurityIdentity identity) {
        if (isLearner(identity) || identity.isAnonymous()) {
            return MODULES;
        }
        if (identity.hasRole(Roles.REDACTEUR)) {
            return ITEM_STATISTICS;
        }
        if (identity.hasRole(Roles.TRAINER)) {
            return SESSIONS;
        }
        return MODULES;
    }

    /** The roles that follow modules and take quizzes (the learning and quiz resources allow exactly these). */
    public static boolean isLearner(SecurityIdentity identity) {
        return identity.hasRole(Roles.MEDEWERKER)
                || identity.hasRole(Roles.AANDACHTSFUNCTIONARIS)
                || identity.hasRole(Roles.GEMEENTE)
                || identity.hasRole(Roles.REGIO)
                || identity.hasRole(Roles.BEHEERDER);
    }
}
