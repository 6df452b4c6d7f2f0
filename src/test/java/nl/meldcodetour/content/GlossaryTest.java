/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The glossary (issue #29): it exists, explains the jargon the modules use, and every link to it names a term. */
class GlossaryTest {

    static final Pattern ANCHOR = Pattern.compile("<h[2-6] id=\"([^\"]+)\"");
    static final Pattern LINK = Pattern.compile("href=\"/begrippen#([^\"]+)\"");

    final ContentCatalog catalog = ContentLoader.load(Path.of("content"));

    Set<String> terms() {
        Page glossary = catalog.glossary().orElseThrow(() -> new AssertionError("content/begrippen.md is missing"));
        Set<String> terms = new HashSet<>();
        Matcher m = ANCHOR.matcher(glossary.html());
        while (m.find()) {
            terms.add(m.group(1));
        }
        return terms;
    }

    @Test
    void headingsGetAnchorsAPageCanLinkTo() {
        assertEquals("hulpofficier-van-justitie", MarkdownRenderer.anchor("Hulpofficier van justitie"));
        assertEquals("zsm-werkwijze", MarkdownRenderer.anchor("ZSM-werkwijze"));
        assertEquals("eergerelateerd-geweld", MarkdownRenderer.anchor(" Eergerelateerd geweld "));
        assertEquals("beinvloeding", MarkdownRenderer.anchor("Beïnvloeding"));
    }

    @Test
    void theJargonOfTheModulesIsExplained() {
        Set<String> terms = terms();
        for (String needed : List.of(
                "geseponeerd",
                "zsm-werkwijze",
                "respijtzorg",
                "verwijsindex",
                "hulpofficier-van-justitie",
                "gecertificeerde-instelling",
                "melding",
                "aandachtsfunctionaris")) {
            assertTrue(terms.contains(needed), "the glossary does not explain '" + needed + "': " + terms);
        }
    }

    @Test
    void everyLinkToTheGlossaryNamesATerm() {
        Set<String> terms = terms();
        List<String> broken = new ArrayList<>();
        for (Module m : catalog.modules()) {
            for (Page p : m.pages()) {
                Matcher link = LINK.matcher(p.html());
                while (link.find()) {
                    if (!terms.contains(link.group(1))) {
                        broken.add(m.id() + "/" + p.file() + " -> " + link.group(1));
                    }
                }
            }
        }
        assertTrue(broken.isEmpty(), "links to terms the glossary does not have: " + broken);
    }
}
