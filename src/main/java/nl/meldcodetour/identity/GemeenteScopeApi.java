/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.meldcodetour.core.web.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For the beheerder: the gemeenten a person is bound to on top of their token's gemeente claim (docs/security.md,
 * "Gemeente scope"). By person id; the binding itself is kept by the person's subject.
 */
@Path("/api/people/{id}/gemeenten")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.BEHEERDER)
public class GemeenteScopeApi {

    @Inject
    GemeenteScopes scopes;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "De gemeenten die de beheerder aan deze persoon koppelde (naast de claim 'gemeente')")
    public GemeenteScopes.Binding get(@PathParam("id") long id) {
        return scopes.binding(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Koppel deze persoon aan deze gemeenten (vervangt de vorige keuze; komt in het logboek)")
    public GemeenteScopes.Binding put(@PathParam("id") long id, GemeenteScopes.BindingRequest request) {
        return scopes.bind(id, request == null ? null : request.gemeenten(), user.person().subject);
    }
}
