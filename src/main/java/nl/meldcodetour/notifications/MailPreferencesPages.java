/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.notifications;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.identity.Person;

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
    EntityManager em;

    @Inject
    AuditLog audit;

    @GET
    public TemplateInstance show(@QueryParam("opgeslagen") boolean saved) {
        return Templates.preferences(user.person().mailOptOut, saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response save(@FormParam("herinneringen") String reminders) {
        Person me = em.find(Person.class, user.person().id);
        boolean optOut = !"aan".equals(reminders);
        if (me.mailOptOut != optOut) {
            me.mailOptOut = optOut;
            // the person's own choice, in their personal-data export (and the logboek's tab of own actions)
            audit.recordOwn(
                    me.id, "MAIL_PREFERENCE", "person", me.id, optOut ? "herinneringen uit" : "herinneringen aan");
        }
        return Response.seeOther(URI.create("/mijn-gegevens/e-mail?opgeslagen=true"))
                .build();
    }
}
