/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.util.List;
import java.util.stream.Collectors;

/** Content could not be loaded; carries every problem found, each naming file and line. */
public class ContentException extends RuntimeException {

    private final transient List<ContentProblem> problems;

    public ContentException(List<ContentProblem> problems) {
        super(problems.size() + " probleem/problemen in de inhoud (content/):\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
