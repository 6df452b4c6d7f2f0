/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.certificates;

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
import java.util.UUID;
import nl.meldcodetour.core.web.Attachments;
import nl.meldcodetour.identity.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** My certificates. Someone else's certificate id answers 404, like an id that does not exist. */
@Path("/api/certificates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CertificateApi {

    @Inject
    CertificateService certificates;

    @Inject
    CurrentUser user;

    public record CertificateView(
            UUID id,
            String moduleId,
            String moduleTitle,
            LocalDate completedOn,
            LocalDate validUntil,
            boolean valid,
            String verificationCode,
            String verificationUrl,
            String contentVersion,
            String issuer) {}

    @GET
    @Operation(summary = "Mijn certificaten, nieuwste eerst")
    public List<CertificateView> mine() {
        LocalDate today = certificates.today();
        return certificates.of(user.person().id).stream()
                .map(c -> new CertificateView(
                        c.id,
                        c.moduleId,
                        c.moduleTitle,
                        c.completedOn,
                        c.validUntil,
                        c.isValidOn(today),
                        c.displayCode(),
                        certificates.verificationUrl(c),
                        c.contentVersion,
                        c.issuer))
                .toList();
    }

    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "Eén certificaat als PDF")
    public Response pdf(@PathParam("id") String id) {
        Certificate c =
                certificates.own(user.person().id, CertificateFiles.parse(id)).orElseThrow(NotFoundException::new);
        return Attachments.of(CertificateFiles.pdf(c, certificates));
    }

    @GET
    @Path("zip")
    @Produces("application/zip")
    @Operation(summary = "Al mijn certificaten als PDF's in één zip")
    public Response zip() {
        return Attachments.of(CertificateFiles.zip(certificates.of(user.person().id), certificates));
    }
}
