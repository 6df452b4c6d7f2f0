/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.privacy;

import java.time.Instant;
import java.util.List;
import nl.meldcodetour.quiz.QuizService;

/** A module whose quiz the person can't retry yet (the retry gate), until {@code opensAt}. */
public record BlockedModule(String moduleId, String title, Instant opensAt) {

    static List<BlockedModule> of(QuizService quiz, long personId) {
        return quiz.closedGates(personId).entrySet().stream()
                .map(e -> new BlockedModule(
                        e.getKey().id(), e.getKey().title(), e.getValue().opensAt()))
                .toList();
    }
}
