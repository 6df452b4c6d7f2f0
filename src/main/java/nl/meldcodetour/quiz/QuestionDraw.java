/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import nl.meldcodetour.content.Question;

/** Draws the questions of one attempt from a module's bank. */
public final class QuestionDraw {

    private QuestionDraw() {}

    /**
     * Draws {@code size} distinct questions at random, preferring questions not in {@code recentlySeen} (so a
     * refresher asks different questions where the bank allows) and filling up with seen ones when it does not.
     */
    public static List<Question> draw(List<Question> bank, int size, Collection<String> recentlySeen, Random random) {
        if (size < 1 || size > bank.size()) {
            throw new IllegalArgumentException("cannot draw " + size + " from a bank of " + bank.size());
        }
        Set<String> seen = Set.copyOf(recentlySeen);
        List<Question> fresh = new ArrayList<>();
        List<Question> repeat = new ArrayList<>();
        for (Question question : bank) {
            (seen.contains(question.id()) ? repeat : fresh).add(question);
        }
        Collections.shuffle(fresh, random);
        Collections.shuffle(repeat, random);
        List<Question> drawn = new ArrayList<>(fresh.subList(0, Math.min(size, fresh.size())));
        drawn.addAll(repeat.subList(0, size - drawn.size()));
        Collections.shuffle(drawn, random);
        return List.copyOf(drawn);
    }

    /**
     * The order in which one attempt shows a question's options, as content option ids: a uniformly random permutation
     * from {@code random} (a {@link java.security.SecureRandom} in the application), or the file order when the
     * question says {@code shuffle: false}.
     */
    public static String[] optionOrder(Question question, Random random) {
        List<String> ids = new ArrayList<>(question.options().size());
        question.options().forEach(o -> ids.add(o.id()));
        if (question.shuffle()) {
            Collections.shuffle(ids, random);
        }
        return ids.toArray(String[]::new);
    }
}
