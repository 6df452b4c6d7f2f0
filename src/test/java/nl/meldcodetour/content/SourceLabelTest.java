/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceLabelTest {

    @Test
    void seedNumbersAndLineReferencesAreHiddenFromLearners() {
        assertEquals(
                "Krachteninventarisatie Flevoland",
                SourceLabel.forLearner("Seed 004 (Krachteninventarisatie Flevoland), L2409-2411"));
        assertEquals(
                "Krachteninventarisatie Flevoland; Datalab Noordoostpolder",
                SourceLabel.forLearner(
                        "Seed 004 (Krachteninventarisatie Flevoland), L1072-1082 en L1188-1192; Seed 001 (Datalab Noordoostpolder)"));
        assertEquals(
                "Datalab Noordoostpolder, §3.3", SourceLabel.forLearner("Seed 001 (Datalab Noordoostpolder), §3.3"));
    }

    @Test
    void publicTitlesStayAsTheyAre() {
        assertEquals(
                "NJi, 'Afwegingskader meldcode' (afweging 2)",
                SourceLabel.forLearner("NJi, 'Afwegingskader meldcode' (afweging 2)"));
    }
}
