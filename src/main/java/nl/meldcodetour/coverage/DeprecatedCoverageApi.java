/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import nl.meldcodetour.core.web.Roles;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The dashboard API under its first root, {@code /api/audit}: the same endpoints as {@link CoverageApi} (inherited), kept
 * for one release so that the municipality's BI scripts keep working while they move to {@code /api/coverage}. Each
 * answer says so in a {@code Deprecation} header (RFC 9745) with a {@code Link} to its successor.
 */
@Deprecated(forRemoval = true)
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.GEMEENTE, Roles.REGIO, Roles.BEHEERDER})
public class DeprecatedCoverageApi extends CoverageApi {

    static final String OLD_ROOT = "/api/audit/";

    /** Marks every answer under the old root as deprecated and names its successor. */
    public static class Headers {
        @ServerResponseFilter
        public void deprecation(ContainerRequestContext request, ContainerResponseContext response) {
            String path = request.getUriInfo().getPath();
            if (path.startsWith(OLD_ROOT)) {
                response.getHeaders().putSingle("Deprecation", "true");
                response.getHeaders()
                        .putSingle(
                                "Link",
                                "</api/coverage/" + path.substring(OLD_ROOT.length()) + ">; rel=\"successor-version\"");
            }
        }
    }
}
