/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import java.util.List;
import java.util.Locale;
import nl.meldcodetour.core.OutOfScopeException;

/**
 * The gemeenten whose organisations and figures the logged-in user may see (docs/security.md, "Gemeente scope").
 * Implemented by {@code identity} (the token's claim and what the beheerder set); read by {@code coverage} and
 * {@code registry}, which do not depend on identity for it.
 */
public interface GemeenteScope {

    /** Only for an authenticated request. */
    Scope ofCurrentUser();

    /**
     * {@code all}: no limit (beheerder, regio). Otherwise {@code gemeenten} in the installation's spelling, possibly
     * none: then the user sees nothing and is told why.
     */
    record Scope(boolean all, List<String> gemeenten) {

        public static final Scope ALL = new Scope(true, List.of());

        /** Said to a gemeente user who is bound to no gemeente of the installation. */
        public static final String NONE =
                "Je account is nog niet gekoppeld aan een gemeente. Daarom kun je geen cijfers of organisaties zien. "
                        + "Vraag de beheerder van Meldcodetour om je account aan jouw gemeente te koppelen.";

        public Scope {
            gemeenten = List.copyOf(gemeenten);
        }

        /** Whether organisations of this gemeente may be shown (case is ignored, as the register search does). */
        public boolean allows(String gemeente) {
            return all
                    || (gemeente != null
                            && lowerCase().contains(gemeente.strip().toLowerCase(Locale.ROOT)));
        }

        /** The gemeenten in lower case, for SQL that compares {@code lower(gemeente)}. */
        public List<String> lowerCase() {
            return gemeenten.stream().map(g -> g.toLowerCase(Locale.ROOT)).toList();
        }

        /** Refuses a user bound to no gemeente: never everything by default. */
        public Scope required() {
            if (!all && gemeenten.isEmpty()) {
                throw new OutOfScopeException(NONE);
            }
            return this;
        }

        /** Refuses a gemeente asked for outside the scope ({@code null}: none asked). */
        public void check(String gemeente) {
            required();
            if (gemeente != null && !gemeente.isBlank() && !allows(gemeente)) {
                throw new OutOfScopeException("Je kunt alleen de gegevens van je eigen gemeente zien ("
                        + String.join(", ", gemeenten) + "). Kies een van deze gemeenten.");
            }
        }
    }
}
