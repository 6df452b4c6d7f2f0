/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.web.RateLimits;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The register import for scripts: upload the file as published, read the difference, confirm. */
@Path("/api/imports/registers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BEHEERDER)
@Tag(name = "Register")
public class RegisterImportApi {

    @Inject
    RegisterImportService imports;

    @Inject
    CurrentUser user;

    @Inject
    RateLimits limits;

    @POST
    @Path("{register}")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            summary = "Register bijwerken uit een openbaar register, stap 1: het verschil",
            description =
                    "register: lrk, duo-po, duo-so, duo-vo of duo-mbo. fileDate: de datum van het bestand"
                            + " (jjjj-mm-dd, standaard vandaag); wat uit het register verdwijnt, wordt vanaf die dag gedeactiveerd.")
    public RegisterImportService.Preview upload(
            @PathParam("register") String register, @QueryParam("fileDate") String fileDate, byte[] body) {
        Register chosen = Register.of(register)
                .orElseThrow(() -> new InvalidInputException(
                        Map.of("register", "Onbekend register: kies lrk, duo-po, duo-so, duo-vo of duo-mbo.")));
        LocalDate date;
        try {
            date = fileDate == null || fileDate.isBlank() ? null : LocalDate.parse(fileDate.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Map.of("fileDate", "Geef de datum als jjjj-mm-dd."));
        }
        if (body == null || body.length == 0) {
            throw new InvalidInputException(Map.of("bestand", "Het bestand is leeg."));
        }
        limits.upload(user.subject()); // counted once a file is there to read
        return imports.upload(chosen, () -> new ByteArrayInputStream(body), date, user.subject());
    }

    @GET
    @Path("{importId}")
    @Operation(summary = "Het verschil nu, of de uitkomst na bevestigen")
    public RegisterImportService.Preview preview(@PathParam("importId") UUID importId) {
        return imports.find(importId, user.subject()).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{importId}/confirm")
    @Operation(summary = "Register bijwerken, stap 2: het verschil doorvoeren")
    public RegisterImportService.Summary confirm(@PathParam("importId") UUID importId) {
        return imports.confirm(importId, user.subject());
    }
}
