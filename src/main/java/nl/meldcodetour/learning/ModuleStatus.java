/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

/** Where a person stands with one module. Labels are the Dutch words the learner sees. */
public enum ModuleStatus {
    NIET_GESTART("Niet gestart"),
    BEZIG("Bezig"),
    BEHAALD("Behaald"),
    VERLOOPT_BINNENKORT("Verloopt binnenkort"),
    VERLOPEN("Verlopen");

    private final String label;

    ModuleStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** CSS modifier, e.g. {@code status--verlopen}. */
    public String css() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The word in a manager's overview (team view, exports): "Nooit gedaan" instead of "Niet gestart"/"Bezig". */
    public String teamLabel() {
        return this == NIET_GESTART || this == BEZIG ? "Nooit gedaan" : label;
    }

    public boolean isValid() {
        return this == BEHAALD || this == VERLOOPT_BINNENKORT;
    }
}
