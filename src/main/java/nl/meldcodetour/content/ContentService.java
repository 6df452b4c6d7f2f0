/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import org.jboss.logging.Logger;

/**
 * Holds the validated content. Loaded once at startup (read while the framework boots when {@link ContentPreload}
 * could start early): a broken content file stops the application with a message that names file, line and problem.
 */
@ApplicationScoped
public class ContentService {

    private static final Logger LOG = Logger.getLogger(ContentService.class);

    private final Path directory;
    private volatile ContentCatalog catalog;

    @Inject
    ContentService(MeldcodetourConfig config) {
        this(config.content().dir());
    }

    /** For tests that load another directory. */
    ContentService(String directory) {
        this.directory = Path.of(directory);
    }

    void onStart(@Observes StartupEvent event) {
        catalog();
    }

    public ContentCatalog catalog() {
        ContentCatalog current = catalog;
        if (current == null) {
            synchronized (this) {
                if (catalog == null) {
                    catalog = ContentPreload.take(directory).orElseGet(() -> ContentLoader.load(directory));
                    long questions = catalog.modules().stream()
                            .mapToLong(m -> m.questions().size())
                            .sum();
                    long fixed = catalog.modules().stream()
                            .flatMap(m -> m.questions().stream())
                            .filter(q -> !q.shuffle())
                            .count();
                    long withPage = catalog.modules().stream()
                            .flatMap(m -> m.questions().stream())
                            .filter(q -> q.page() > 0)
                            .count();
                    LOG.infof(
                            "Content %s loaded from %s: %d modules, %d sectors, %d questions (%d with a fixed option order, "
                                    + "%d with a page reference)",
                            catalog.version(),
                            directory.toAbsolutePath(),
                            catalog.modules().size(),
                            catalog.sectors().size(),
                            questions,
                            fixed,
                            withPage);
                }
                current = catalog;
            }
        }
        return current;
    }
}
