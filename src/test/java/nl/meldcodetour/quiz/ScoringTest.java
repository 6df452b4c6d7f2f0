/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static Scoring.Answer right() {
        return new Scoring.Answer(Set.of("a"), Set.of("a"));
    }

    private static Scoring.Answer wrong() {
        return new Scoring.Answer(Set.of("a"), Set.of("b"));
    }

    private static List<Scoring.Answer> answers(int right, int wrong) {
        List<Scoring.Answer> list = new ArrayList<>();
        for (int i = 0; i < right; i++) {
            list.add(right());
        }
        for (int i = 0; i < wrong; i++) {
            list.add(wrong());
        }
        return list;
    }

    @Test
    void multipleChoiceNeedsExactlyTheRightOptions() {
        assertTrue(new Scoring.Answer(Set.of("a", "c"), Set.of("c", "a")).isRight());
        assertFalse(new Scoring.Answer(Set.of("a", "c"), Set.of("a")).isRight(), "missing one right option");
        assertFalse(new Scoring.Answer(Set.of("a", "c"), Set.of("a", "b", "c")).isRight(), "one wrong option too many");
        assertFalse(new Scoring.Answer(Set.of("a"), Set.of()).isRight(), "no answer is never right");
    }

    @Test
    void passMarkIsInclusive() {
        Scoring.Result result = Scoring.score(answers(8, 2), 80);
        assertEquals(8, result.right());
        assertEquals(10, result.total());
        assertEquals(80, result.percentage());
        assertTrue(result.passed());
        assertFalse(Scoring.score(answers(7, 3), 80).passed());
    }

    @Test
    void noRoundingUpIntoAPass() {
        // 2 of 3 = 66.67 %: fails a 67 % mark, and the shown percentage is rounded down to 66
        Scoring.Result result = Scoring.score(answers(2, 1), 67);
        assertFalse(result.passed());
        assertEquals(66, result.percentage());
        assertTrue(Scoring.score(answers(2, 1), 66).passed());
    }

    @Test
    void extremes() {
        assertEquals(100, Scoring.score(answers(10, 0), 100).percentage());
        assertTrue(Scoring.score(answers(10, 0), 100).passed());
        assertFalse(Scoring.score(answers(0, 5), 1).passed());
        assertThrows(IllegalArgumentException.class, () -> Scoring.score(List.of(), 80));
    }
}
