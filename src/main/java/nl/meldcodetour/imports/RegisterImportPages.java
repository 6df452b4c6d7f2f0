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
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.meldcodetour.core.ConflictException;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import nl.meldcodetour.core.web.FormFlash;
import nl.meldcodetour.core.web.RateLimits;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The beheerder keeps the register in step with the public registers (docs/registers.md): upload → preview of the
 * difference → confirm, post/redirect/get as the CSV import ({@link ImportPages}).
 */
@Path("/import/registers")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.BEHEERDER)
public class RegisterImportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(
                List<Register> registers, String region, List<String> gemeenten, String today, String error);

        static native TemplateInstance preview(RegisterImportService.Preview preview, String notice);
    }

    @Inject
    RegisterImportService imports;

    @Inject
    CurrentUser user;

    @Inject
    RateLimits limits;

    @Inject
    FormFlash flash;

    @Inject
    MeldcodetourConfig config;

    @Inject
    Clock clock;

    @GET
    public TemplateInstance form() {
        return form(flash.take().map(FormFlash.Flashed::message).orElse(null));
    }

    private TemplateInstance form(String error) {
        return Templates.upload(
                List.of(Register.values()),
                config.region().name(),
                config.region().gemeenten(),
                LocalDate.now(clock).toString(),
                error);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @RestForm("register") String register,
            @RestForm("datum") String date,
            @RestForm("bestand") FileUpload file) {
        var chosen = Register.of(register);
        if (chosen.isEmpty()) {
            return refused("Kies welk register je uploadt.");
        }
        if (file == null || file.size() == 0) {
            return refused("Kies het bestand dat je van het register hebt gedownload.");
        }
        LocalDate fileDate;
        try {
            fileDate = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            return refused("Vul de datum van het bestand in als jjjj-mm-dd, bijvoorbeeld 2026-12-01.");
        }
        limits.upload(user.subject()); // counted once a file is there to read
        try {
            RegisterImportService.Preview preview = imports.upload(
                    chosen.get(), () -> Files.newInputStream(file.uploadedFile()), fileDate, user.subject());
            return Response.seeOther(URI.create("/import/registers/" + preview.id()))
                    .build();
        } catch (InvalidInputException e) {
            return refused(String.join(" ", e.errors().values()));
        }
    }

    /** Back to the form with why the file was not read (a file can't come back; the form holds nothing else). */
    private Response refused(String message) {
        return flash.redirect("/import/registers", Map.of(), Map.of(), message)
                .orElseGet(() -> Response.status(400).entity(form(message)).build());
    }

    /** The stored import: its difference with the register as it is now, or its outcome once confirmed. */
    @GET
    @Path("{importId}")
    public TemplateInstance imported(@PathParam("importId") UUID importId) {
        RegisterImportService.Preview preview =
                imports.find(importId, user.subject()).orElseThrow(NotFoundException::new);
        return Templates.preview(
                preview, flash.take().map(FormFlash.Flashed::message).orElse(null));
    }

    @POST
    @Path("{importId}/bevestigen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("importId") UUID importId) {
        String page = "/import/registers/" + importId;
        imports.find(importId, user.subject()).orElseThrow(NotFoundException::new);
        try {
            imports.confirm(importId, user.subject());
            return Response.seeOther(URI.create(page)).build();
        } catch (ConflictException e) {
            // confirmed twice (a double click, Back and confirm again): the outcome of the first time
            return flash.redirect(page, Map.of(), Map.of(), e.getMessage())
                    .orElseGet(() -> Response.seeOther(URI.create(page)).build());
        }
    }
}
