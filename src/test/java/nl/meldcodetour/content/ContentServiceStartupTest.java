/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The startup observer refuses broken content, so the application does not start with it. */
class ContentServiceStartupTest {

    @TempDir
    Path root;

    @Test
    void brokenContentStopsStartupNamingFileAndLine() throws Exception {
        Files.writeString(root.resolve("sectors.yml"), "sectors:\n  - id: onderwijs\n    name: Onderwijs\n");
        Files.createDirectories(root.resolve("modules/basis"));
        Files.writeString(
                root.resolve("modules/basis/module.yml"),
                "id: basis\ntitle: Basis\nkind: core\nrefresherMonths: 12\npassMark: 80\ndrawSize: 1\npages: [weg.md]\n");
        Files.writeString(root.resolve("modules/basis/quiz.yml"), """
                questions:
                  - id: v1
                    type: single
                    text: Vraag?
                    options: [{id: a, text: A}, {id: b, text: B}]
                    correct: [a]
                    feedback: Uitleg.
                    source: Bron.
                """);
        ContentService service = new ContentService(root.toString());
        ContentException e = assertThrows(ContentException.class, () -> service.onStart(null));
        assertTrue(e.getMessage().contains("modules/basis/module.yml:7: pagina 'weg.md' bestaat niet"), e.getMessage());
    }
}
