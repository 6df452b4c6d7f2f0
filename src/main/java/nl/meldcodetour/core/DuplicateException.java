/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core;

/**
 * What the request would create already exists (typically: the form was sent twice). Answered with 409 and the Dutch
 * message like every {@link ConflictException}; a page may instead lead to the existing object, {@link #existingId()}.
 */
public class DuplicateException extends ConflictException {

    private final long existingId;

    public DuplicateException(String dutchMessage, long existingId) {
        super(dutchMessage);
        this.existingId = existingId;
    }

    public long existingId() {
        return existingId;
    }
}
