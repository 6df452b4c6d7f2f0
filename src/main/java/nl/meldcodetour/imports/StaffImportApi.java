/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.meldcodetour.core.web.RateLimits;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.team.TeamAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The staff list's import under the organisation's team API ({@code team.TeamApi}), for its aandachtsfunctionaris and
 * the beheerder. A resource of its own, on the full path: so that team does not depend on imports, and so that
 * RESTEasy picks this class for the path (it does not fall back from {@code TeamApi}'s path to {@link ImportApi}'s).
 */
@Path("/api/organisations/{id}/staff/import")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AANDACHTSFUNCTIONARIS, Roles.BEHEERDER})
@Tag(name = "Team")
public class StaffImportApi {

    @Inject
    CsvImportService imports;

    @Inject
    TeamAccess access;

    @Inject
    RateLimits limits;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(
            summary =
                    "Medewerkerslijst importeren, stap 1: voorbeeld met fouten per regel (bevestigen via /api/imports/{id}/confirm)")
    public CsvImportService.Preview staff(@PathParam("id") long id, String body) {
        limits.upload(access.actor());
        access.organisation(id);
        return imports.preview(CsvImportService.Kind.STAFF, id, body == null ? "" : body, access.actor());
    }
}
