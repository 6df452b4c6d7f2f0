package nl.meldcodetour.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.meldcodetour.core.web.InvalidInputException;
import nl.meldcodetour.core.web.Roles;

/** Upload -> preview -> confirm, for organisations (beheerder) and a staff list (its AF or the beheerder). */
@Path("/import")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.BEHEERDER, Roles.AANDACHTSFUNCTIONARIS })
public class ImportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(String kind, Long organisationId, String title, String error);

        static native TemplateInstance preview(CsvImportService.Preview preview, String title);

        static native TemplateInstance result(CsvImportService.Result result, String back, String notice);
    }

    @Inject
    CsvImportService imports;

    @Inject
    TeamAccess access;

    @Inject
    nl.meldcodetour.identity.CurrentUser user;

    @Inject
    nl.meldcodetour.core.web.RateLimits limits;

    @GET
    @Path("organisaties")
    @RolesAllowed(Roles.BEHEERDER)
    public TemplateInstance organisationsForm() {
        return Templates.upload("organisaties", null, "Organisaties importeren", null);
    }

    @POST
    @Path("organisaties")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response organisations(@RestForm("bestand") FileUpload file) {
        limits.upload(access.actor());
        return preview(CsvImportService.Kind.ORGANISATIONS, null, file, "Organisaties importeren");
    }

    @GET
    @Path("medewerkers/{id}")
    public TemplateInstance staffForm(@PathParam("id") long id) {
        Organisation o = access.organisation(id);
        return Templates.upload("medewerkers", id, "Medewerkers importeren voor " + o.name, null);
    }

    @POST
    @Path("medewerkers/{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response staff(@PathParam("id") long id, @RestForm("bestand") FileUpload file) {
        limits.upload(access.actor());
        Organisation o = access.organisation(id);
        return preview(CsvImportService.Kind.STAFF, id, file, "Medewerkers importeren voor " + o.name);
    }

    @POST
    @Path("{importId}/bevestigen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("importId") UUID importId, @RestForm("alleenGoede") String onlyValid) {
        Object[] stored = imports.find(importId, access.actor()).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        String back = stored[1] == null ? "/register" : "/team/" + ((Number) stored[1]).longValue();
        try {
            return Response.ok(Templates.result(imports.confirm(importId, "ja".equals(onlyValid), access.actor()), back, null)).build();
        } catch (CsvImportService.AlreadyConfirmed e) {
            // confirmed twice (a double click, Back and confirm again): the outcome of the first time, nothing imported again
            return Response.ok(Templates.result(e.result(), back, e.getMessage())).build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.result(null, back, null)).build();
        }
    }

    private Response preview(CsvImportService.Kind kind, Long organisationId, FileUpload file, String title) {
        String kindPath = kind == CsvImportService.Kind.ORGANISATIONS ? "organisaties" : "medewerkers";
        if (file == null || file.size() == 0) {
            return Response.status(400).entity(Templates.upload(kindPath, organisationId, title, "Kies een CSV-bestand.")).build();
        }
        try {
            String text = decode(Files.readAllBytes(file.uploadedFile()));
            return Response.ok(Templates.preview(imports.preview(kind, organisationId, text, access.actor()), title)).build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.upload(kindPath, organisationId, title,
                    String.join(" ", e.errors().values()))).build();
        } catch (IOException e) {
            return Response.status(400).entity(Templates.upload(kindPath, organisationId, title, "Het bestand kon niet worden gelezen.")).build();
        }
    }

    /** UTF-8 (with or without BOM); files that are not UTF-8 are read as Windows-1252, as Excel NL saves them. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

}
