/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.imports;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.web.FormFlash;
import nl.meldcodetour.core.web.RateLimits;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.registry.Organisation;
import nl.meldcodetour.team.TeamAccess;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Upload -> preview -> confirm, for organisations (beheerder) and a staff list (its AF or the beheerder). Every POST
 * answers with a redirect (post/redirect/get): the preview and the outcome are the GET page of the stored import
 * ({@code /import/{importId}}), so Back and reload never show or resend a form.
 */
@Path("/import")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.BEHEERDER, Roles.AANDACHTSFUNCTIONARIS})
public class ImportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(String kind, Long organisationId, String title, String error);

        static native TemplateInstance preview(CsvImportService.Preview preview, String title, String error);

        static native TemplateInstance result(CsvImportService.Result result, String back, String notice);
    }

    @Inject
    CsvImportService imports;

    @Inject
    TeamAccess access;

    @Inject
    CurrentUser user;

    @Inject
    RateLimits limits;

    @Inject
    FormFlash flash;

    @GET
    @Path("organisaties")
    @RolesAllowed(Roles.BEHEERDER)
    public TemplateInstance organisationsForm() {
        return Templates.upload("organisaties", null, "Organisaties importeren", flashedMessage());
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
        return Templates.upload("medewerkers", id, "Medewerkers importeren voor " + o.name, flashedMessage());
    }

    @POST
    @Path("medewerkers/{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response staff(@PathParam("id") long id, @RestForm("bestand") FileUpload file) {
        limits.upload(access.actor());
        Organisation o = access.organisation(id);
        return preview(CsvImportService.Kind.STAFF, id, file, "Medewerkers importeren voor " + o.name);
    }

    /** The stored import: its preview while it waits for confirmation, its outcome once confirmed. */
    @GET
    @Path("{importId}")
    public TemplateInstance imported(@PathParam("importId") UUID importId) {
        CsvImportService.Stored stored =
                imports.stored(importId, access.actor()).orElseThrow(NotFoundException::new);
        String message = flashedMessage();
        if (stored.result().isPresent()) {
            return Templates.result(stored.result().get(), back(stored.organisationId()), message);
        }
        // a preview stored by an earlier version (without its page) counts as expired
        CsvImportService.Preview preview = stored.preview().orElseThrow(NotFoundException::new);
        return Templates.preview(preview, title(stored.kind(), stored.organisationId()), message);
    }

    @POST
    @Path("{importId}/bevestigen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("importId") UUID importId, @RestForm("alleenGoede") String onlyValid) {
        CsvImportService.Stored stored =
                imports.stored(importId, access.actor()).orElseThrow(NotFoundException::new);
        String page = "/import/" + importId;
        try {
            imports.confirm(importId, "ja".equals(onlyValid), access.actor());
            return Response.seeOther(URI.create(page)).build();
        } catch (CsvImportService.AlreadyConfirmed e) {
            // confirmed twice (a double click, Back and confirm again): the outcome of the first time, nothing imported
            // again
            return flash.redirect(page, Map.of(), Map.of(), e.getMessage())
                    .orElseGet(() -> Response.ok(
                                    Templates.result(e.result(), back(stored.organisationId()), e.getMessage()))
                            .build());
        } catch (InvalidInputException e) {
            String message = String.join(" ", e.errors().values());
            return flash.redirect(page, Map.of(), Map.of(), message)
                    .orElseGet(() -> Response.status(400)
                            .entity(Templates.result(null, back(stored.organisationId()), null))
                            .build());
        }
    }

    private Response preview(CsvImportService.Kind kind, Long organisationId, FileUpload file, String title) {
        String kindPath = kind == CsvImportService.Kind.ORGANISATIONS ? "organisaties" : "medewerkers";
        String form = "/import/" + kindPath + (organisationId == null ? "" : "/" + organisationId);
        if (file == null || file.size() == 0) {
            return refused(form, kindPath, organisationId, title, "Kies een CSV-bestand.");
        }
        try {
            String text = decode(Files.readAllBytes(file.uploadedFile()));
            CsvImportService.Preview preview = imports.preview(kind, organisationId, text, access.actor());
            return Response.seeOther(URI.create("/import/" + preview.id())).build();
        } catch (InvalidInputException e) {
            return refused(
                    form,
                    kindPath,
                    organisationId,
                    title,
                    String.join(" ", e.errors().values()));
        } catch (IOException e) {
            return refused(form, kindPath, organisationId, title, "Het bestand kon niet worden gelezen.");
        }
    }

    /** Back to the upload form with why the file was not read (a file can't come back; the form holds nothing else). */
    private Response refused(String form, String kindPath, Long organisationId, String title, String message) {
        return flash.redirect(form, Map.of(), Map.of(), message)
                .orElseGet(() -> Response.status(400)
                        .entity(Templates.upload(kindPath, organisationId, title, message))
                        .build());
    }

    private String flashedMessage() {
        return flash.take().map(FormFlash.Flashed::message).orElse(null);
    }

    private String title(CsvImportService.Kind kind, Long organisationId) {
        return kind == CsvImportService.Kind.ORGANISATIONS
                ? "Organisaties importeren"
                : "Medewerkers importeren voor " + access.organisation(organisationId).name;
    }

    private static String back(Long organisationId) {
        return organisationId == null ? "/register" : "/team/" + organisationId;
    }

    /** UTF-8 (with or without BOM); files that are not UTF-8 are read as Windows-1252, as Excel NL saves them. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }
}
