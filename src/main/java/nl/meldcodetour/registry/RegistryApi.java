/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.registry.OrganisationViews.AfView;
import nl.meldcodetour.registry.OrganisationViews.OrganisationView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Organisation and aandachtsfunctionaris registry. Beheerder: read and write; regio: read; gemeente: read within
 * their gemeenten (docs/security.md, "Gemeente scope"); an
 * aandachtsfunctionaris: read the organisations where they are an active aandachtsfunctionaris, nothing else.
 */
@Path("/api/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Register")
public class RegistryApi {

    @Inject
    OrganisationService registry;

    @Inject
    CurrentUser user;

    @Inject
    OrganisationViews views;

    @GET
    @RolesAllowed({Roles.BEHEERDER, Roles.GEMEENTE, Roles.REGIO})
    @Operation(summary = "Organisaties zoeken (naam), filteren op sector en gemeente, per pagina")
    public OrganisationService.Page<OrganisationService.OrganisationSummary> list(
            @QueryParam("q") String q,
            @QueryParam("sector") String sector,
            @QueryParam("gemeente") String gemeente,
            @QueryParam("inactive") @DefaultValue("false") boolean inactive,
            @QueryParam("page") @DefaultValue("1") @Min(value = 1, message = "De pagina begint bij 1.") int page,
            @QueryParam("size")
                    @DefaultValue("25")
                    @Min(value = 1, message = "Minimaal 1 per pagina.")
                    @Max(value = OrganisationService.MAX_PAGE_SIZE, message = "Maximaal 100 per pagina.")
                    int size) {
        return views.search(q, sector, gemeente, inactive, page, size);
    }

    @GET
    @Path("mine")
    @RolesAllowed(Roles.AANDACHTSFUNCTIONARIS)
    @Operation(summary = "De organisaties waar ik actief aandachtsfunctionaris ben")
    public List<OrganisationView> mine() {
        return views.mine();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.BEHEERDER, Roles.GEMEENTE, Roles.REGIO, Roles.AANDACHTSFUNCTIONARIS})
    @Operation(summary = "Eén organisatie met haar aandachtsfunctionarissen (ook wie gestopt is)")
    public OrganisationView get(@PathParam("id") long id) {
        return views.readable(id);
    }

    @POST
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Organisatie toevoegen")
    public Response create(OrganisationService.OrganisationInput input) {
        Organisation o = registry.create(required(input), user.person().subject);
        return Response.status(201)
                .header("Location", "/api/organisations/" + o.id)
                .entity(views.view(o))
                .build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Organisatie wijzigen; stuur de versie mee (409 als iemand anders haar intussen wijzigde)")
    public OrganisationView update(@PathParam("id") long id, OrganisationService.OrganisationInput input) {
        return views.view(registry.update(id, required(input), user.person().subject));
    }

    @POST
    @Path("{id}/deactivate")
    @RolesAllowed(Roles.BEHEERDER)
    @Operation(summary = "Organisatie deactiveren (blijft bewaard)")
    public OrganisationView deactivate(@PathParam("id") long id) {
        return views.view(registry.setActive(id, false, user.person().subject));
    }

    @POST
    @Path("{id}/activate")
    @RolesAllowed(Roles.BEHEERDER)
    @Operation(summary = "Organisatie weer activeren")
    public OrganisationView activate(@PathParam("id") long id) {
        return views.view(registry.setActive(id, true, user.person().subject));
    }

    @POST
    @Path("{id}/aandachtsfunctionarissen")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Aandachtsfunctionaris toevoegen")
    public Response addAf(@PathParam("id") long id, OrganisationService.AfInput input) {
        if (input == null) {
            throw new InvalidInputException(
                    Map.of("name", "Dit veld is verplicht.", "email", "Dit veld is verplicht."));
        }
        Aandachtsfunctionaris af = registry.addAandachtsfunctionaris(id, input, user.person().subject);
        return Response.status(201).entity(views.afView(af)).build();
    }

    @POST
    @Path("{id}/aandachtsfunctionarissen/{afId}/end")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Aandachtsfunctionaris laten stoppen (geschiedenis blijft bewaard)")
    public AfView endAf(@PathParam("id") long id, @PathParam("afId") long afId, EndRequest request) {
        Aandachtsfunctionaris af = registry.endAandachtsfunctionaris(
                id, afId, request == null ? null : request.endDate(), user.person().subject);
        return views.afView(af);
    }

    private static OrganisationService.OrganisationInput required(OrganisationService.OrganisationInput input) {
        if (input == null) {
            return new OrganisationService.OrganisationInput(
                    null, null, null, null, null, null, null, null, null, null);
        }
        return input;
    }
}
