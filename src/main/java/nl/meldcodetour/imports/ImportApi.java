/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import nl.meldcodetour.core.web.RateLimits;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.team.TeamAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * CSV import in two steps: upload (returns a preview with every error by line and column) and confirm. Send the file
 * as the request body ({@code text/csv}, UTF-8, ';' or ','). Uploads are limited per person (429 over the limit).
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Register")
public class ImportApi {

    @Inject
    CsvImportService imports;

    @Inject
    TeamAccess access;

    @Inject
    RateLimits limits;

    @POST
    @Path("imports/organisations")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Organisaties importeren, stap 1: voorbeeld met fouten per regel")
    public CsvImportService.Preview organisations(String body) {
        limits.upload(access.actor());
        return imports.preview(CsvImportService.Kind.ORGANISATIONS, null, body == null ? "" : body, access.actor());
    }

    @POST
    @Path("imports/{importId}/confirm")
    @RolesAllowed({Roles.BEHEERDER, Roles.AANDACHTSFUNCTIONARIS})
    @Operation(summary = "Import bevestigen, stap 2 (onlyValid=true: alleen de goede regels)")
    public CsvImportService.Result confirm(
            @PathParam("importId") UUID importId, @QueryParam("onlyValid") @DefaultValue("false") boolean onlyValid) {
        return imports.confirm(importId, onlyValid, access.actor());
    }
}
