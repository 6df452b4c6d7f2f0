/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A learner in a sector the law does not oblige (the police) is never taught that the meldcode is obliged for them
 * (issue #29): they get no module of an obliged sector, and no sentence in what they read says so.
 */
class ObligationTaughtTest {

    final ContentCatalog catalog = ContentLoader.load(Path.of("content"));

    /** "verplicht" said to the reader or about the reader's own organisation, without a negation. */
    static final Pattern OBLIGED_FOR_YOU = Pattern.compile(
            "(?i)\\b(jij|je|jouw|jullie|politie)\\b[^.?!]*\\bverplicht|\\bverplicht\\b[^.?!]*\\b(jij|je|jouw|jullie|politie)\\b");

    static final Pattern NEGATION = Pattern.compile("(?i)\\b(niet|geen|zonder|nooit)\\b");

    @Test
    void theLawIsModelledForThePolice() {
        Sector politie = catalog.sectors().get("politie");
        assertFalse(politie.obliged(), "the police are not under the Besluit verplichte meldcode");
        assertTrue(
                politie.parent().isEmpty(), "politie inherits the modules of an obliged sector: " + politie.parent());
    }

    @Test
    void noLearnerOfAnUnobligedSectorIsToldTheMeldcodeIsObligedForThem() {
        List<String> found = new ArrayList<>();
        for (Sector sector : catalog.sectors().values()) {
            if (sector.obliged()) {
                continue;
            }
            for (Module m : catalog.modules()) {
                if (!m.isFor(
                        Optional.of(sector.id()),
                        Set.of("medewerker"),
                        s -> catalog.sectors().get(s).parent())) {
                    continue;
                }
                if (m.kind() == Module.Kind.SECTOR
                        && m.sectors().stream()
                                .anyMatch(s -> catalog.sectors().get(s).obliged())) {
                    found.add(sector.id() + " gets the sector module " + m.id() + " of an obliged sector");
                }
                if (m.kind() == Module.Kind.CORE) {
                    continue; // the core module teaches where the law applies, for every sector alike
                }
                List<String> texts = new ArrayList<>();
                m.pages().forEach(p -> texts.add(p.plainText()));
                for (Question q : m.questions()) {
                    q.feedback().ifPresent(texts::add);
                    q.options().stream()
                            .filter(o -> q.correct().contains(o.id()))
                            .forEach(o -> texts.add(o.text()));
                }
                for (String text : texts) {
                    for (String sentence : text.split("(?<=[.!?])\\s+|\\n")) {
                        if (OBLIGED_FOR_YOU.matcher(sentence).find()
                                && !NEGATION.matcher(sentence).find()) {
                            found.add(sector.id() + " reads in " + m.id() + ": " + sentence.strip());
                        }
                    }
                }
            }
        }
        assertTrue(
                found.isEmpty(),
                "taught that the meldcode is obliged although the law does not oblige this sector:\n  "
                        + String.join("\n  ", found));
    }
}
