/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.web.Attachments;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.registry.EndRequest;
import nl.meldcodetour.registry.Organisation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Staff and team view of one organisation: for its aandachtsfunctionaris and the beheerder. The staff list's import
 * under the same path is {@code imports.StaffImportApi}.
 */
@Path("/api/organisations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AANDACHTSFUNCTIONARIS, Roles.BEHEERDER})
@Tag(name = "Team")
public class TeamApi {

    public record StaffView(long id, String name, String email, String functionId, LocalDate startDate) {}

    public record ReminderRequest(long employmentId, String moduleId) {}

    @Inject
    TeamService team;

    @Inject
    TeamAccess access;

    @Inject
    ContentService content;

    @GET
    @Path("team")
    @Operation(
            summary =
                    "Teamoverzicht: per collega per verplichte module de status, en per collega de stand over al die "
                            + "modules; de tellingen tellen collega's. Met module: alleen wie die module moet doen, en de stand voor die module")
    public TeamService.Team get(@PathParam("id") long id, @QueryParam("module") String module) {
        Organisation o = access.organisation(id);
        if (module != null
                && !module.isBlank()
                && content.catalog().module(module).isEmpty()) {
            throw new InvalidInputException(Map.of("module", "Onbekende module."));
        }
        TeamService.Team all = team.team(id, o.name, access.actor());
        return module == null || module.isBlank() ? all : all.forModule(module);
    }

    @GET
    @Path("team.csv")
    @Produces("text/csv")
    @Operation(summary = "Teamoverzicht als CSV (Excel NL: puntkomma, UTF-8 met BOM)")
    public Response csv(@PathParam("id") long id) {
        Organisation o = access.organisation(id);
        return Attachments.of(TeamCsv.download(team.team(id, o.name, access.actor())));
    }

    @GET
    @Path("staff")
    @Operation(summary = "Huidige medewerkers")
    public List<StaffView> staff(@PathParam("id") long id) {
        access.organisation(id);
        return team.staffList(id, access.actor()).stream()
                .map(e -> new StaffView(e.id, e.name, e.email, e.functionId, e.startDate))
                .toList();
    }

    @POST
    @Path("staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Medewerker toevoegen (functie bepaalt de verplichte modules)")
    public Response addStaff(@PathParam("id") long id, TeamService.StaffInput input) {
        access.organisation(id);
        TeamService.StaffInput in = input == null ? new TeamService.StaffInput(null, null, null, null) : input;
        Employment e = team.addStaff(id, in, access.actor());
        return Response.status(201)
                .entity(new StaffView(e.id, e.name, e.email, e.functionId, e.startDate))
                .build();
    }

    @POST
    @Path("staff/{employmentId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Medewerker uit dienst (geschiedenis blijft bewaard)")
    public StaffView endStaff(
            @PathParam("id") long id, @PathParam("employmentId") long employmentId, EndRequest request) {
        access.organisation(id);
        Employment e = team.endStaff(id, employmentId, request == null ? null : request.endDate(), access.actor());
        return new StaffView(e.id, e.name, e.email, e.functionId, e.startDate);
    }

    @POST
    @Path("reminders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Herinnering sturen: één per collega per module per dag. 202: aangevraagd (de e-mail volgt binnen "
                            + "enkele minuten); 200: vandaag al aangevraagd, er gaat geen tweede (message zegt wanneer); 409: organisatie gedeactiveerd")
    public Response remind(@PathParam("id") long id, ReminderRequest request) {
        access.organisation(id);
        if (request == null || request.moduleId() == null) {
            throw new InvalidInputException(Map.of("moduleId", "Kies een module."));
        }
        TeamService.ReminderOutcome outcome =
                team.requestReminder(id, request.employmentId(), request.moduleId(), access.actor());
        return Response.status(outcome.created() ? 202 : 200)
                .entity(new ReminderView(
                        !outcome.created(), outcome.requestedAt(), outcome.sentAt(), outcome.message()))
                .build();
    }

    /** The answer to "herinnering sturen": whether one was already asked today, when, whether it went, in words. */
    public record ReminderView(boolean alreadyRequested, Instant requestedAt, Instant sentAt, String message) {}
}
