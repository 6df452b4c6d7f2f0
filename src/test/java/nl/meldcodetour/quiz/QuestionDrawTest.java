/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.meldcodetour.content.Question;
import org.junit.jupiter.api.Test;

class QuestionDrawTest {

    private static List<Question> bank(int size) {
        return IntStream.rangeClosed(1, size)
                .mapToObj(i -> new Question(
                        "q" + i,
                        Question.Type.SINGLE,
                        "Vraag " + i,
                        List.of(
                                new Question.Option("a", "A", Optional.empty()),
                                new Question.Option("b", "B", Optional.empty())),
                        Set.of("a"),
                        Optional.of("uitleg"),
                        "bron",
                        false,
                        true,
                        0))
                .toList();
    }

    private static Set<String> ids(List<Question> questions) {
        return questions.stream().map(Question::id).collect(Collectors.toSet());
    }

    @Test
    void drawsTheRequestedNumberOfDistinctQuestions() {
        List<Question> drawn = QuestionDraw.draw(bank(15), 10, List.of(), new Random(1));
        assertEquals(10, drawn.size());
        assertEquals(10, ids(drawn).size());
    }

    @Test
    void differentSeedsGiveDifferentDraws() {
        Set<Set<String>> draws = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            draws.add(ids(QuestionDraw.draw(bank(15), 5, List.of(), new Random(seed))));
        }
        assertTrue(draws.size() > 10, "draws should vary, got " + draws.size() + " distinct of 20");
    }

    @Test
    void avoidsRecentlySeenQuestionsWhenTheBankAllows() {
        List<String> seen = List.of("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10");
        for (int seed = 0; seed < 50; seed++) {
            Set<String> drawn = ids(QuestionDraw.draw(bank(20), 10, seen, new Random(seed)));
            assertTrue(
                    drawn.stream().noneMatch(seen::contains), "seed " + seed + " repeated a seen question: " + drawn);
        }
    }

    @Test
    void fillsUpWithSeenQuestionsWhenTheBankIsSmall() {
        List<String> seen = List.of("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10");
        Set<String> drawn = ids(QuestionDraw.draw(bank(14), 10, seen, new Random(3)));
        assertEquals(10, drawn.size());
        assertTrue(drawn.containsAll(Set.of("q11", "q12", "q13", "q14")), "all unseen questions come first: " + drawn);
    }

    @Test
    void rejectsImpossibleSizes() {
        assertThrows(IllegalArgumentException.class, () -> QuestionDraw.draw(bank(3), 4, List.of(), new Random()));
        assertThrows(IllegalArgumentException.class, () -> QuestionDraw.draw(bank(3), 0, List.of(), new Random()));
    }
}
