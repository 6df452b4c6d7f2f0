/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The public start page, and the login entry point that starts the OIDC code flow. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(boolean loggedIn, Landing landing);
    }

    @Inject
    SecurityIdentity identity;

    @GET
    @PermitAll
    public TemplateInstance home() {
        return Templates.home(!identity.isAnonymous(), Landing.of(identity));
    }

    /**
     * Requires login, so an anonymous visitor is sent to the identity provider and comes back here; then on to the first
     * page their roles may see.
     */
    @GET
    @Path("inloggen")
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create(Landing.of(identity).path())).build();
    }
}
