/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The arithmetic of the quality gate, checked against numbers worked out by hand. */
class BankGateTest {

    static Question single(String id, String key, String... texts) {
        List<Question.Option> options = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            options.add(new Question.Option(String.valueOf((char) ('a' + i)), texts[i], Optional.of("waarom niet")));
        }
        return new Question(
                id, Question.Type.SINGLE, "?", options, Set.of(key), Optional.of("uitleg"), "bron", false, true, 1);
    }

    @Test
    void passChanceIsTheBinomialWhenEveryQuestionIsAlike() {
        List<Question> bank = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bank.add(single("q" + i, "a", "ja", "nee"));
        }
        // 10 questions of 2 options, random guessing, 8 of 10 needed: (45 + 10 + 1) / 1024
        assertEquals(100.0 * 56 / 1024, BankGate.passChance(bank, 10, 8, BankGate::randomChance), 1e-9);
    }

    @Test
    void passChanceAveragesOverTheDraw() {
        // 3 questions the longest option answers, 1 it never does; draw 2, need 2: only the 3 draws without the
        // fourth question pass, 3 of C(4,2) = 6
        List<Question> bank = List.of(
                single("a", "a", "langste antwoord", "kort"),
                single("b", "a", "langste antwoord", "kort"),
                single("c", "a", "langste antwoord", "kort"),
                single("d", "b", "langste antwoord", "kort"));
        assertEquals(50.0, BankGate.passChance(bank, 2, 2, BankGate::longestChance), 1e-9);
    }

    @Test
    void aBankWhoseKeyIsAlwaysTheLongestFailsTheGate() {
        List<Question> bank = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            bank.add(single("q" + i, "a", "het lange en juiste antwoord", "fout", "ook fout"));
        }
        Module m = new Module(
                "m",
                "M",
                "",
                Module.Kind.TOPIC,
                Set.of("onderwijs"),
                Set.of(),
                12,
                80,
                10,
                List.of(),
                bank,
                1,
                false,
                60,
                null,
                null);
        BankGate gate = BankGate.of(m);
        assertEquals(100, gate.longestShare());
        assertEquals(100, gate.maxKeyPositionShare());
        assertTrue(
                gate.problems().stream().anyMatch(p -> p.contains("strictly longest")),
                gate.problems().toString());
        assertTrue(
                gate.problems().stream().anyMatch(p -> p.contains("blind strategy")),
                gate.problems().toString());
        assertFalse(
                gate.problems().stream().anyMatch(p -> p.contains("feedback")),
                gate.problems().toString());
    }

    @Test
    void aBankWhoseKeyAloneSaysOverlegFailsTheGate() {
        List<Question> bank = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // lengths alike, key position varies: only the word gives it away
            String[] texts = {"Ik wacht nog een week af", "Ik bel meteen de ouders", "Ik zeg er niets over"};
            int key = i % 3;
            texts[key] = "Ik overleg met een collega";
            bank.add(single("q" + i, String.valueOf((char) ('a' + key)), texts));
        }
        Module m = new Module(
                "m",
                "M",
                "",
                Module.Kind.TOPIC,
                Set.of("onderwijs"),
                Set.of(),
                12,
                80,
                10,
                List.of(),
                bank,
                1,
                false,
                60,
                null,
                null);
        BankGate gate = BankGate.of(m);
        assertEquals(100, gate.cueOnlyShare());
        assertEquals(100.0, gate.passCue(), 1e-9);
        assertTrue(
                gate.problems().stream().anyMatch(p -> p.contains("cue word")),
                gate.problems().toString());
        // "niets" marks a wrong option: dropping it leaves two of three
        assertTrue(gate.passNoAbsolutes() > gate.passRandom(), gate.tableRow());
    }
}
