/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadabilityTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "kat, 1",
        "huis, 1",
        "boek, 1",
        "meldcode, 3",
        "signalen, 3",
        "Veilig, 2",
        "thuis, 1",
        "aandachtsfunctionaris, 6",
        "kindermishandeling, 6",
        "beïnvloeden, 4",
        "ideeën, 3",
        "eeuw, 1",
        "ouderen, 3",
        "mensenhandel, 4",
        "0800, 1"
    })
    void dutchSyllables(String word, int expected) {
        assertEquals(expected, Readability.syllables(word));
    }

    @Test
    void countsWordsAndSentences() {
        Readability.Stats stats = Readability.of("Je ziet iets. Je praat erover! Wat doe je dan?");
        assertEquals(10, stats.words());
        assertEquals(3, stats.sentences());
        assertEquals(12, stats.syllables()); // je ziet iets je praat e-ro-ver wat doe je dan
    }

    @Test
    void aBlockWithoutFullStopIsOneSentence() {
        assertEquals(
                1,
                Readability.of("ouderenmishandeling, ook financieel misbruik").sentences());
        assertEquals(2, Readability.of("Eerst dit. Dan dat").sentences());
    }

    @Test
    void plainLanguageScoresHighAndOfficialLanguageLow() {
        double plain = Readability.of(
                        "Je ziet iets wat niet klopt. Je praat met een collega. Samen kijk je wat nodig is.")
                .score();
        double official = Readability.of(
                        "Het afwegingskader ondersteunt beroepskrachten bij het nemen van beslissingen "
                                + "aangaande de noodzakelijkheid van het doen van een melding bij Veilig Thuis in situaties waarin "
                                + "sprake is van vermoedens van structurele onveiligheid binnen afhankelijkheidsrelaties.")
                .score();
        assertTrue(plain > 75, "plain: " + plain);
        assertTrue(official < 30, "official: " + official);
    }

    @Test
    void statsAddUp() {
        Readability.Stats a = Readability.of("Een korte zin.");
        Readability.Stats b = Readability.of("Nog een korte zin.");
        assertEquals(7, a.plus(b).words());
        assertEquals(2, a.plus(b).sentences());
    }
}
