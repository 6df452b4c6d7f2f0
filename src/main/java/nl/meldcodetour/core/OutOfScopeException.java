/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core;

/**
 * The caller asked for figures or organisations outside their gemeenten, or is bound to no gemeente at all. Answered
 * with 403 and the Dutch message (a page, or a problem document under /api): docs/security.md, "Gemeente scope".
 */
public class OutOfScopeException extends RuntimeException {

    public OutOfScopeException(String message) {
        super(message, null, false, false);
    }
}
