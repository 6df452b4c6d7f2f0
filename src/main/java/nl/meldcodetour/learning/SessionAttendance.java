/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import java.time.Instant;

/**
 * Whether a person attended (was marked present at) a session covering a module, for a blended module's completion.
 * The sessions feature owns the sessions and provides this; learning does not read its tables.
 */
public interface SessionAttendance {

    /** Marked present at a session covering the module that started after {@code from} and no later than {@code to}. */
    boolean attended(long personId, String moduleId, Instant from, Instant to);
}
