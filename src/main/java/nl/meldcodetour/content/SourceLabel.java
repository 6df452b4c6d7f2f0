/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import io.quarkus.qute.TemplateExtension;
import java.util.regex.Pattern;

/**
 * Sources in content files are written for reviewers ("Seed 004 (Krachteninventarisatie Flevoland), L2409-2411").
 * Learners see the plain title ("Krachteninventarisatie Flevoland"): no seed numbers, no line references.
 */
public final class SourceLabel {

    private static final Pattern SEED = Pattern.compile("Seed \\d{3} \\(([^)]*)\\)");
    private static final Pattern LINES = Pattern.compile(",? ?L\\d+(-\\d+)?( en L\\d+(-\\d+)?)?");

    private SourceLabel() {}

    /** Usable in templates as {@code {source.forLearner}}. */
    @TemplateExtension
    public static String forLearner(String source) {
        if (source == null) {
            return null;
        }
        String label = SEED.matcher(source).replaceAll("$1");
        label = LINES.matcher(label).replaceAll("");
        return label.replaceAll("\\s+,", ",").replaceAll(",\\s*$", "").strip();
    }
}
