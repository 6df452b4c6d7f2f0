/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import nl.meldcodetour.coverage.Disclosure.Professionals;
import org.junit.jupiter.api.Test;

/** {@link Disclosure#professionals}: the minimum of organisations, "< 5", rounding and the split, at their edges. */
class DisclosureTest {

    private static List<String> split(Professionals p) {
        return List.of(
                p.current().display(),
                p.due().display(),
                p.expired().display(),
                p.never().display(),
                p.currentShare().display(),
                p.dueShare().display(),
                p.expiredShare().display(),
                p.neverShare().display());
    }

    @Test
    void fewerThanThreeOrganisationsShowNoCountOfProfessionals() {
        Professionals two = Disclosure.professionals(40, 10, 10, 10, 10, 2);
        assertNull(two.total().value());
        assertEquals(Disclosure.HIDDEN, two.total().display());
        assertTrue(two.total().suppressed());
        assertEquals(List.of(Disclosure.HIDDEN), split(two).stream().distinct().toList());
        assertEquals(Disclosure.FEW_ORGANISATIONS, two.note());

        Professionals three = Disclosure.professionals(40, 10, 10, 10, 10, 3);
        assertEquals(40L, three.total().value());
        assertEquals(List.of("10", "10", "10", "10", "25%", "25%", "25%", "25%"), split(three));
        assertNull(three.note());

        assertEquals(
                "0",
                Disclosure.professionals(0, 0, 0, 0, 0, 0).total().display(),
                "nobody registered: 0 tells nothing");
    }

    @Test
    void theSplitNeedsFiveWithAndFiveWithoutAValidTraining() {
        // valid = current + due, not valid = expired + never; the edge is 5 on both sides
        Professionals mixed = Disclosure.professionals(10, 3, 2, 0, 5, 3);
        assertEquals(List.of("< 5", "< 5", "0", "5", "< 5", "< 5", "0%", "50%"), split(mixed));
        assertNull(mixed.note());
        for (long[] oneSided : new long[][] {
            {12, 0, 0, 0, 12},
            {12, 0, 0, 6, 6},
            {13, 3, 0, 0, 10},
            {14, 4, 0, 5, 5},
            {12, 6, 6, 0, 0},
            {20, 16, 0, 4, 0}
        }) {
            Professionals p =
                    Disclosure.professionals(oneSided[0], oneSided[1], oneSided[2], oneSided[3], oneSided[4], 3);
            assertEquals(Disclosure.figure(oneSided[0]), p.total(), "the total stays");
            assertEquals(
                    List.of(Disclosure.HIDDEN), split(p).stream().distinct().toList(), Arrays.toString(oneSided));
            assertEquals(Disclosure.ONE_OUTCOME, p.note());
        }
    }

    @Test
    void smallGroupsAndRoundingAreAsBefore() {
        Professionals four = Disclosure.professionals(4, 0, 0, 1, 3, 4);
        assertEquals("< 5", four.total().display());
        assertEquals(List.of("< 5"), split(four).stream().distinct().toList(), "even the zeros of 4 people are hidden");
        assertNull(four.note());
        Professionals big = Disclosure.professionals(1237, 612, 88, 301, 236, 40);
        assertEquals(List.of("610", "90", "300", "235", "49%", "7%", "24%", "19%"), split(big));
        assertEquals("1.235", big.total().display());
    }
}
