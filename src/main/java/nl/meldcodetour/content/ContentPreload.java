/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads and checks the content on a thread of its own while the framework boots, so that the ~0.3 s of parsing
 * (Markdown and YAML, still interpreted at that moment) is not on the start's critical path. {@link ContentService}
 * takes the result at startup when it is for the same directory, and otherwise loads as before.
 * <p>
 * The directory is known before the configuration is: the preload only starts when it is given in one of the two
 * configuration sources that outrank every file, the system property {@code meldcodetour.content.dir} or the
 * environment variable {@code MELDCODETOUR_CONTENT_DIR} (as in production, the image and the benchmark). Any other
 * setting wins over neither, so a preload for another directory than the configured one is simply not used.
 */
public final class ContentPreload {

    static final String PROPERTY = "meldcodetour.content.dir";
    static final String VARIABLE = "MELDCODETOUR_CONTENT_DIR";

    private static Path directory;
    private static CompletableFuture<ContentCatalog> pending;

    private ContentPreload() {}

    /** Starts the preload when the directory is set by system property or environment; returns whether it did. */
    public static boolean startFromEnvironment() {
        Optional<String> configured = Optional.ofNullable(System.getProperty(PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(VARIABLE)))
                .filter(value -> !value.isBlank());
        configured.ifPresent(value -> start(Path.of(value)));
        return configured.isPresent();
    }

    /** Starts reading {@code dir} in the background. */
    static synchronized void start(Path dir) {
        Path normalized = dir.toAbsolutePath().normalize();
        CompletableFuture<ContentCatalog> future = new CompletableFuture<>();
        directory = normalized;
        pending = future;
        Thread thread = new Thread(
                () -> {
                    try {
                        future.complete(ContentLoader.load(normalized));
                    } catch (Throwable e) {
                        future.completeExceptionally(e);
                    }
                },
                "content-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The preloaded content of {@code dir}, waiting for it if needed; empty when nothing was preloaded for that
     * directory. A result is handed out once. Problems in the content are thrown as the loader throws them.
     */
    static Optional<ContentCatalog> take(Path dir) {
        CompletableFuture<ContentCatalog> future;
        synchronized (ContentPreload.class) {
            if (pending == null || !dir.toAbsolutePath().normalize().equals(directory)) {
                return Optional.empty();
            }
            future = pending;
            pending = null;
            directory = null;
        }
        try {
            return Optional.of(future.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
