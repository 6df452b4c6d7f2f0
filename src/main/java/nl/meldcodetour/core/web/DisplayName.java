/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

/**
 * The name of the logged-in person as the page header shows it. Implemented by {@code identity.CurrentUser}, which
 * reads it once per verified token (the {@code name} claim, else {@code preferred_username}, else the principal's
 * name): read by name on every page, a claim that the MicroProfile JWT API does not know (such as {@code name}) cost an
 * exception per request (docs/benchmarks.md, Decisions: Display name without exceptions).
 */
public interface DisplayName {

    /** Only for an authenticated request. */
    String displayName();
}
