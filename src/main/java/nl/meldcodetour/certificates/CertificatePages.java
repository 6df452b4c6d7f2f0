package nl.meldcodetour.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import nl.meldcodetour.identity.CurrentUser;

/** "Mijn certificaten": every certificate of the logged-in person, as PDF one by one or all in a zip. */
@Path("/certificaten")
@Authenticated
public class CertificatePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance certificates(List<Certificate> certificates, java.time.LocalDate today);
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
        Certificate c = certificates.own(user.person().id, parse(id)).orElseThrow(NotFoundException::new);
        return pdf(c, certificates);
    }

    @GET
    @Path("alle.zip")
    @Produces("application/zip")
    public Response all() {
        return zip(certificates.of(user.person().id), certificates);
    }

    static Response pdf(Certificate c, CertificateService certificates) {
        return Response.ok(CertificatePdf.render(c, certificates.verificationUrl(c)), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(c) + "\"").build();
    }

    static Response zip(List<Certificate> all, CertificateService certificates) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Certificate c : all) {
                zip.putNextEntry(new ZipEntry(fileName(c)));
                zip.write(CertificatePdf.render(c, certificates.verificationUrl(c)));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(bytes.toByteArray(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"certificaten-meldcodetour.zip\"").build();
    }

    /** "certificaat-onderwijs-2026-11-22-7KQ2.pdf": unique per certificate, no personal data in the name. */
    static String fileName(Certificate c) {
        return "certificaat-" + c.moduleId + "-" + c.completedOn + "-" + c.code.substring(0, 4) + ".pdf";
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
