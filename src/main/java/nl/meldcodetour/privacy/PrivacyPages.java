/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.quiz.QuizService;

/**
 * "Mijn gegevens": what we hold about me, as a download; and for the beheerder: find a person by e-mail address and
 * erase their personal data after confirmation.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PrivacyPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(String name, String email);

        static native TemplateInstance people(String email, List<FoundPerson> found, String notice);

        static native TemplateInstance confirmErase(PersonalData.PersonSummary person);

        static native TemplateInstance statement(int retentionYears, String csvLifetime);
    }

    @Inject
    CurrentUser user;

    @Inject
    PersonalData data;

    @Inject
    ObjectMapper json;

    @Inject
    QuizService quiz;

    /** A person found, with the modules whose retry gate is closed for them. */
    public record FoundPerson(PersonalData.PersonSummary person, List<BlockedModule> blocked) {}

    @Inject
    MeldcodetourConfig config;

    /**
     * The privacy statement, in Dutch, for everyone (no login): the same facts as docs/privacy.md, with the retention
     * period as configured ({@code meldcodetour.retention.years}) and the lifetime of CSV previews as the import
     * purges them.
     */
    @GET
    @Path("privacy")
    @jakarta.annotation.security.PermitAll
    public TemplateInstance statement() {
        return Templates.statement(
                config.retention().years(), dutchDuration(config.imports().previewLifetime()));
    }

    /** "1 hour" → "1 uur", "2 days" → "2 dagen": the interval texts the jobs use, as a person reads them. */
    static String dutchDuration(String interval) {
        Matcher m =
                Pattern.compile("(\\d+) (minute|hour|day|week|month|year)s?").matcher(interval.strip());
        if (!m.matches()) {
            return interval;
        }
        boolean one = m.group(1).equals("1");
        String unit = switch (m.group(2)) {
            case "minute" -> one ? "minuut" : "minuten";
            case "hour" -> "uur";
            case "day" -> one ? "dag" : "dagen";
            case "week" -> one ? "week" : "weken";
            case "month" -> one ? "maand" : "maanden";
            default -> "jaar";
        };
        return m.group(1) + " " + unit;
    }

    @GET
    @Path("mijn-gegevens")
    @Authenticated
    public TemplateInstance mine() {
        return Templates.mine(user.person().displayName, user.person().email);
    }

    @GET
    @Path("mijn-gegevens/download")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Response download() throws JsonProcessingException {
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data.export(user.person().id));
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"meldcodetour-mijn-gegevens.json\"")
                .build();
    }

    @GET
    @Path("beheer/personen")
    @RolesAllowed(Roles.BEHEERDER)
    public TemplateInstance people(@QueryParam("email") String email, @QueryParam("melding") String notice) {
        String query = email == null ? "" : email.strip();
        List<FoundPerson> found = (query.isEmpty() || query.length() > 320
                        ? List.<PersonalData.PersonSummary>of()
                        : data.findByEmail(query))
                .stream()
                        .map(p -> new FoundPerson(p, BlockedModule.of(quiz, p.id())))
                        .toList();
        String message = switch (notice == null ? "" : notice) {
            case "verwijderd" -> "De persoonsgegevens zijn verwijderd.";
            case "opgeheven" -> "De blokkade is opgeheven. De persoon kan de toets nu opnieuw maken.";
            default -> null;
        };
        return Templates.people(query, found, message);
    }

    /** Lifts the retry gate of a person for a module (audit-logged), then back to the search. */
    @POST
    @Path("beheer/personen/{id}/toetsblokkade/{moduleId}")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response liftGate(@PathParam("id") long id, @PathParam("moduleId") String moduleId) {
        PersonalData.PersonSummary person = data.find(id).orElseThrow(NotFoundException::new);
        quiz.liftGate(id, quiz.module(moduleId).orElseThrow(NotFoundException::new), user.person().subject);
        String email = person.email() == null ? "" : URLEncoder.encode(person.email(), StandardCharsets.UTF_8);
        return Response.seeOther(URI.create("/beheer/personen?melding=opgeheven&email=" + email))
                .build();
    }

    @GET
    @Path("beheer/personen/{id}/verwijderen")
    @RolesAllowed(Roles.BEHEERDER)
    public TemplateInstance confirmErase(@PathParam("id") long id) {
        return Templates.confirmErase(data.find(id).orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("beheer/personen/{id}/verwijderen")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@PathParam("id") long id, @FormParam("reden") String reason) {
        if (!data.erase(id, user.person().subject, reason)) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create("/beheer/personen?melding=verwijderd"))
                .build();
    }
}
