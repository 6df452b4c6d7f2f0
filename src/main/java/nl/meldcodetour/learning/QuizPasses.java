/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The passed quiz attempts of a person, for a blended module's completion once the person attended its session. The
 * quiz feature owns the attempts and provides this; learning does not read its tables (docs/architecture.md, "Tables
 * and their owners").
 */
public interface QuizPasses {

    /** A passed attempt: its id, the content version it was drawn from and its score. */
    record Pass(UUID attemptId, String contentVersion, int percentage) {}

    /** The person's passed attempts at the module handed in after {@code since}, newest first. */
    List<Pass> passedSince(long personId, String moduleId, Instant since);
}
