/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core;

/** The request conflicts with the current state (someone else changed it first, a duplicate). Answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String dutchMessage) {
        super(dutchMessage, null, false, false);
    }
}
