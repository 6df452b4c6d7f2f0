/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.content;

import java.util.List;
import java.util.Optional;

/** Where to go in one gemeente (content/routekaart/{id}.yml); "landelijk" holds the national numbers. */
public record RouteMap(String id, String name, Optional<String> region, Optional<String> note, List<Entry> entries) {

    /** One place to go; phone numbers only where a source gives them. */
    public record Entry(String name, String what, Optional<String> phone, Optional<String> when, String source) {}
}
