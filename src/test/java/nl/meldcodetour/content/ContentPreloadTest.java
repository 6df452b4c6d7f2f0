/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content read while the framework boots is the content the service would have loaded, and only for its directory. */
class ContentPreloadTest {

    private static final Path CONTENT = Path.of("content");

    @TempDir
    Path other;

    @AfterEach
    void nothingLeftBehind() {
        ContentPreload.take(CONTENT);
        ContentPreload.take(other);
        System.clearProperty(ContentPreload.PROPERTY);
    }

    @Test
    void theServiceUsesThePreloadedCatalogOfItsDirectory() {
        ContentPreload.start(CONTENT);
        ContentService service = new ContentService(CONTENT.toAbsolutePath().toString());
        service.onStart(null);
        assertEquals(ContentLoader.load(CONTENT).version(), service.catalog().version());
        // handed out once: a second service (a restart in the same JVM) loads on its own
        assertTrue(ContentPreload.take(CONTENT).isEmpty());
    }

    @Test
    void aPreloadForAnotherDirectoryIsNotUsed() {
        ContentPreload.start(CONTENT);
        assertTrue(ContentPreload.take(other).isEmpty());
        ContentCatalog preloaded =
                ContentPreload.take(Path.of("content/../content")).orElseThrow();
        assertEquals(ContentLoader.load(CONTENT).version(), preloaded.version(), "the preload read the real content");
        assertTrue(ContentPreload.take(CONTENT).isEmpty());
    }

    @Test
    void brokenContentFailsTheStartAsBeforeNamingFileAndLine() throws Exception {
        Files.writeString(other.resolve("sectors.yml"), "sectors:\n  - id: onderwijs\n    naam: Onderwijs\n");
        ContentPreload.start(other);
        ContentService service = new ContentService(other.toString());
        ContentException e = assertThrows(ContentException.class, () -> service.onStart(null));
        assertTrue(e.getMessage().contains("sectors.yml:3"), e.getMessage());
    }

    @Test
    void startsOnlyWhenTheDirectoryIsGivenBySystemPropertyOrEnvironment() {
        boolean fromEnvironment = System.getenv(ContentPreload.VARIABLE) != null;
        assertEquals(fromEnvironment, ContentPreload.startFromEnvironment());
        ContentPreload.take(Path.of(System.getenv().getOrDefault(ContentPreload.VARIABLE, "content")));

        System.setProperty(ContentPreload.PROPERTY, other.toString());
        assertTrue(ContentPreload.startFromEnvironment());
        assertTrue(ContentPreload.take(CONTENT).isEmpty(), "the system property outranks everything else");
        assertThrows(ContentException.class, () -> ContentPreload.take(other), "an empty directory is broken content");
        assertFalse(ContentPreload.take(other).isPresent());
    }

    @Test
    void theServiceWithoutAPreloadLoadsItself() {
        ContentService service = new ContentService(CONTENT.toString());
        service.onStart(null);
        assertSame(service.catalog(), service.catalog());
        assertEquals(ContentLoader.load(CONTENT).version(), service.catalog().version());
    }
}
