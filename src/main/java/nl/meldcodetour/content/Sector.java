/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.util.Optional;

/**
 * A work sector (reference data from content/sectors.yml); {@code parent} groups sub-sectors such as ouderenzorg.
 * {@code obliged}: the Wet verplichte meldcode applies (false for the police, who have their own route).
 */
public record Sector(String id, String name, Optional<String> parent, boolean obliged) {}
