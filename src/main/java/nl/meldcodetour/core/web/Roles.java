/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

/** Role names as constants for annotations. Every role may follow modules: everyone is a professional too. */
public final class Roles {
    public static final String MEDEWERKER = "medewerker";
    public static final String AANDACHTSFUNCTIONARIS = "aandachtsfunctionaris";
    /** Sees the dashboard and register of the gemeenten they are bound to (docs/security.md, "Gemeente scope"). */
    public static final String GEMEENTE = "gemeente";
    /** Sees the dashboard and register of every gemeente of the installation (e.g. Veilig Thuis). */
    public static final String REGIO = "regio";

    public static final String BEHEERDER = "beheerder";
    /** Plans and runs bijeenkomsten of the meldcodetour. */
    public static final String TRAINER = "trainer";
    /** Content author: sees the item statistics of the quizzes (counts only, never a person). Not a learner role. */
    public static final String REDACTEUR = "redacteur";

    private Roles() {}
}
