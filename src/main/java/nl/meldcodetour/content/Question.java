/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A quiz question; {@code scenario} marks a casus that puts the learner in a situation from practice. {@code correct} holds the ids of the right options; it must never reach a learner before the
 * attempt is submitted.
 *
 * @param shuffle false when the options must keep their file order ("Geen van deze", a scale); otherwise every
 *                attempt shows them in its own random order
 * @param page    the 1-based number of the module page that teaches this question, or 0 when the question names none
 */
public record Question(
        String id,
        Type type,
        String text,
        List<Option> options,
        Set<String> correct,
        Optional<String> feedback,
        String source,
        boolean scenario,
        boolean shuffle,
        int page) {

    public enum Type {
        /** exactly one option is right */
        SINGLE,
        /** one or more options are right; the learner must choose exactly those */
        MULTIPLE
    }

    public Optional<Option> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    public record Option(String id, String text, Optional<String> feedback) {}
}
