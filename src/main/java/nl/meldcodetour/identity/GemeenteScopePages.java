/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import nl.meldcodetour.core.web.Roles;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The beheerder binds a gemeente user to gemeenten (docs/security.md, "Gemeente scope"): the page beside
 * {@link GemeenteScopeApi}, reached from the person search (/beheer/personen).
 */
@Path("/beheer/personen/{id}/gemeenten")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.BEHEERDER)
public class GemeenteScopePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance gemeenten(String name, GemeenteScopes.Binding binding, boolean saved);
    }

    @Inject
    GemeenteScopes scopes;

    @Inject
    People people;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("opgeslagen") boolean saved) {
        GemeenteScopes.Binding binding = scopes.binding(id);
        return Templates.gemeenten(people.name(id).orElse("persoon " + id), binding, saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, @RestForm("gemeente") List<String> gemeenten) {
        scopes.bind(id, gemeenten == null ? List.of() : gemeenten, user.person().subject);
        return Response.seeOther(URI.create("/beheer/personen/" + id + "/gemeenten?opgeslagen=true"))
                .build();
    }
}
