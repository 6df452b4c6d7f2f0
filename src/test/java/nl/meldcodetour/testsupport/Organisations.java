/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.testsupport;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import nl.meldcodetour.registry.OrganisationService;

/** Organisations in tests. */
public final class Organisations {

    private Organisations() {}

    /** A new organisation in Emmeloord (Noordoostpolder) with 10 staff, made by "test"; returns its id. */
    public static long create(String name, String sector) {
        OrganisationService registry =
                Arc.container().instance(OrganisationService.class).get();
        return QuarkusTransaction.requiringNew()
                .call(() -> registry.create(
                                new OrganisationService.OrganisationInput(
                                        name,
                                        null,
                                        null,
                                        sector,
                                        "Noordoostpolder",
                                        "Emmeloord",
                                        "8302",
                                        10,
                                        null,
                                        null),
                                "test")
                        .id);
    }
}
