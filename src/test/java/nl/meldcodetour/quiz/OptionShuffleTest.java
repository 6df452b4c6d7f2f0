/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import nl.meldcodetour.content.ContentCatalog;
import nl.meldcodetour.content.ContentLoader;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;
import org.junit.jupiter.api.Test;

/**
 * The order of the options says nothing about the key (issue #27): over many simulated attempts on the real content,
 * the right option of a single-answer question is shown first about 1/(number of options) of the time, and every
 * position is equally likely, although the files put it first in most questions.
 */
class OptionShuffleTest {

    static final ContentCatalog CONTENT = ContentLoader.load(Path.of("content"));
    static final int ATTEMPTS = 1000;

    @Test
    void theFirstShownOptionIsRightAboutOneInTheNumberOfOptions() {
        Random random = new SecureRandom();
        List<Module> modules = CONTENT.modules();
        int shown = 0;
        int firstRight = 0;
        int firstRightInFile = 0;
        double expected = 0;
        for (int a = 0; a < ATTEMPTS; a++) {
            Module module = modules.get(a % modules.size());
            for (Question q : QuestionDraw.draw(module.questions(), module.drawSize(), List.of(), random)) {
                if (q.type() != Question.Type.SINGLE) {
                    continue;
                }
                String[] order = QuestionDraw.optionOrder(q, random);
                shown++;
                firstRight += q.correct().contains(order[0]) ? 1 : 0;
                firstRightInFile += q.correct().contains(q.options().get(0).id()) ? 1 : 0;
                expected += q.shuffle()
                        ? 1.0 / q.options().size()
                        : (q.correct().contains(q.options().get(0).id()) ? 1 : 0);
            }
        }
        double share = (double) firstRight / shown;
        double expectedShare = expected / shown;
        System.out.printf(
                "Option shuffle: %d attempts, %d single-answer questions shown; first shown option right in %.1f %% "
                        + "(expected 1/options: %.1f %%; in file order it would be %.1f %%)%n",
                ATTEMPTS, shown, 100 * share, 100 * expectedShare, 100.0 * firstRightInFile / shown);
        // about 10,000 questions: the standard error is about 0.5 percentage points
        assertTrue(
                Math.abs(share - expectedShare) < 0.03,
                "first shown option right in " + share + ", expected " + expectedShare);
    }

    @Test
    void everyPositionIsEquallyLikelyForTheRightOption() {
        Random random = new SecureRandom();
        // per number of options: how often the right option (or a right one) was shown at each position
        Map<Integer, int[]> counts = new TreeMap<>();
        Map<Integer, Integer> totals = new TreeMap<>();
        for (int round = 0; round < 20; round++) {
            for (Module module : CONTENT.modules()) {
                for (Question q : module.questions()) {
                    if (!q.shuffle()) {
                        continue;
                    }
                    String[] order = QuestionDraw.optionOrder(q, random);
                    int[] c = counts.computeIfAbsent(order.length, n -> new int[n]);
                    for (int i = 0; i < order.length; i++) {
                        if (q.correct().contains(order[i])) {
                            c[i]++;
                            totals.merge(order.length, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        for (var e : counts.entrySet()) {
            int total = totals.get(e.getKey());
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < e.getValue().length; i++) {
                double share = (double) e.getValue()[i] / total;
                line.append(String.format(" %c: %.1f %%", 'a' + i, 100 * share));
                if (total >= 500) {
                    assertTrue(
                            Math.abs(share - 1.0 / e.getKey()) < 0.05,
                            e.getKey() + " options, position " + i + ": " + share);
                }
            }
            System.out.printf(
                    "Right option shown at position (%d options, %d right options):%s%n", e.getKey(), total, line);
        }
    }

    @Test
    void aQuestionWithShuffleFalseKeepsItsFileOrder() {
        Question scale = new Question(
                "schaal",
                Question.Type.SINGLE,
                "Hoe zeker ben je?",
                List.of(
                        new Question.Option("a", "Niet", Optional.empty()),
                                new Question.Option("b", "Een beetje", Optional.empty()),
                        new Question.Option("c", "Heel zeker", Optional.empty()),
                                new Question.Option("d", "Geen van deze", Optional.empty())),
                Set.of("c"),
                Optional.of("uitleg"),
                "bron",
                false,
                false,
                0);
        Random random = new SecureRandom();
        for (int i = 0; i < 100; i++) {
            assertArrayEquals(new String[] {"a", "b", "c", "d"}, QuestionDraw.optionOrder(scale, random));
        }
    }
}
