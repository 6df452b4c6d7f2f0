/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.notifications;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.identity.People;

/** Opt out of (or back into) the optional e-mails: reminders before expiry and the weekly digest. */
@Path("/mijn-gegevens/e-mail")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MailPreferencesPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance preferences(boolean optOut, boolean saved);
    }

    @Inject
    CurrentUser user;

    @Inject
    People people;

    @GET
    public TemplateInstance show(@QueryParam("opgeslagen") boolean saved) {
        return Templates.preferences(user.person().mailOptOut, saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@FormParam("herinneringen") String reminders) {
        people.chooseMailOptOut(user.person().id, !"aan".equals(reminders));
        return Response.seeOther(URI.create("/mijn-gegevens/e-mail?opgeslagen=true"))
                .build();
    }
}
