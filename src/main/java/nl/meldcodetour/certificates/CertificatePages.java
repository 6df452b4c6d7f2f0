/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.certificates;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import nl.meldcodetour.core.web.Attachments;
import nl.meldcodetour.identity.CurrentUser;

/** "Mijn certificaten": every certificate of the logged-in person, as PDF one by one or all in a zip. */
@Path("/certificaten")
@Authenticated
public class CertificatePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance certificates(List<Certificate> certificates, LocalDate today);
    }

    @Inject
    CertificateService certificates;

    @Inject
    CurrentUser user;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.certificates(certificates.of(user.person().id), certificates.today());
    }

    @GET
    @Path("{id}.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") String id) {
        Certificate c =
                certificates.own(user.person().id, CertificateFiles.parse(id)).orElseThrow(NotFoundException::new);
        return Attachments.of(CertificateFiles.pdf(c, certificates));
    }

    @GET
    @Path("alle.zip")
    @Produces("application/zip")
    public Response all() {
        return Attachments.of(CertificateFiles.zip(certificates.of(user.person().id), certificates));
    }
}
