/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.meldcodetour.core.web.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, for the beheerder only. */
@Path("/api/registry/audit-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Register")
public class AuditApi {

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Roles.BEHEERDER)
    @Operation(summary = "Wie heeft wat gewijzigd of bekeken, nieuwste eerst")
    public List<AuditLog.Entry> list(
            @QueryParam("objectType") String objectType,
            @QueryParam("objectId") String objectId,
            @QueryParam("page") @DefaultValue("1") @Min(value = 1, message = "De pagina begint bij 1.") int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(value = 200, message = "Maximaal 200 per pagina.")
                    int size) {
        return audit.recent(blankToNull(objectType), blankToNull(objectId), (page - 1) * size, size);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
