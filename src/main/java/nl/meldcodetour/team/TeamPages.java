/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.team;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.JobFunction;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Sector;
import nl.meldcodetour.core.ConflictException;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.web.Attachments;
import nl.meldcodetour.core.web.FormFlash;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.identity.Person;
import nl.meldcodetour.registry.Organisation;
import nl.meldcodetour.registry.OrganisationService;

/** The aandachtsfunctionaris' team view. */
@Path("/team")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.AANDACHTSFUNCTIONARIS, Roles.BEHEERDER})
public class TeamPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance team(
                TeamService.Team team,
                List<TeamService.Row> rows,
                String status,
                String module,
                String sort,
                String keep,
                List<Module> modules,
                String sectorName,
                List<JobFunction> sectorFunctions,
                List<JobFunction> otherFunctions,
                Map<String, String> form,
                Map<String, String> errors,
                String notice);

        /** Mijn team of an aandachtsfunctionaris who is not registered for an organisation (yet). */
        static native TemplateInstance notRegistered(Person person, List<OrganisationService.UpcomingAfRole> upcoming);
    }

    @Inject
    TeamService teams;

    @Inject
    TeamAccess access;

    @Inject
    ContentService content;

    @Inject
    OrganisationService registry;

    @Inject
    FormFlash flash;

    @Inject
    CurrentUser user;

    /**
     * "Mijn team" in the menu: the team of the caller's organisation. An aandachtsfunctionaris who is not registered
     * for one (yet) gets how they get registered, never a 403 from their own menu; anyone else (a beheerder without the
     * role) has no team of their own.
     */
    @GET
    public Response mine() {
        List<Long> mine = access.mine();
        if (mine.isEmpty() && user.hasRole(Roles.AANDACHTSFUNCTIONARIS)) {
            var person = user.person();
            return Response.ok(Templates.notRegistered(person, registry.upcomingAfRoles(person.id)))
                    .build();
        }
        if (mine.isEmpty()) {
            throw new ForbiddenException();
        }
        return Response.seeOther(URI.create("/team/" + mine.get(0))).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance team(
            @PathParam("id") long id,
            @QueryParam("status") String status,
            @QueryParam("module") String module,
            @QueryParam("sorteer") String sort) {
        var back = flash.take();
        return render(
                id,
                status,
                module,
                sort,
                back.map(FormFlash.Flashed::form).orElse(Map.of()),
                back.map(FormFlash.Flashed::errors).orElse(Map.of()),
                back.map(FormFlash.Flashed::message).orElse(null));
    }

    /** The team as CSV for Excel, for the browser (the same file as the API's, with the login cookie). */
    @GET
    @Path("{id}/team.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") long id) {
        Organisation o = access.organisation(id);
        return Attachments.of(TeamCsv.download(teams.team(id, o.name, access.actor())));
    }

    @POST
    @Path("{id}/collegas")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addColleague(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        access.organisation(id);
        try {
            teams.addStaff(
                    id,
                    new TeamService.StaffInput(f.getFirst("name"), f.getFirst("email"), f.getFirst("functionId"), null),
                    access.actor());
            return Response.seeOther(URI.create("/team/" + id)).build();
        } catch (InvalidInputException e) {
            return backToTeam(id, typed(f), e.errors(), null, 400);
        } catch (ConflictException e) {
            return backToTeam(id, typed(f), Map.of(), e.getMessage(), 409);
        }
    }

    /** What was typed in the add-colleague form, so a refusal loses nothing. */
    private static Map<String, String> typed(MultivaluedMap<String, String> f) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("name", "email", "functionId")) {
            String value = f.getFirst(field);
            if (value != null) {
                typed.put(field, value);
            }
        }
        return typed;
    }

    @POST
    @Path("{id}/herinnering")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remind(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        access.organisation(id);
        long employment;
        try {
            employment = Long.parseLong(String.valueOf(f.getFirst("employmentId")));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Map.of("employmentId", "Kies de collega die een herinnering krijgt."));
        }
        try {
            // a second click the same day queues nothing and says when the first was asked
            TeamService.ReminderOutcome outcome =
                    teams.requestReminder(id, employment, f.getFirst("moduleId"), access.actor());
            return backToTeam(id, Map.of(), Map.of(), outcome.message(), 200);
        } catch (ConflictException e) {
            return backToTeam(id, Map.of(), Map.of(), e.getMessage(), 409);
        }
    }

    /** Back to the team page with the errors or the message (post/redirect/get: Back never shows a POST answer). */
    private Response backToTeam(
            long id, Map<String, String> form, Map<String, String> errors, String message, int status) {
        return flash.redirect("/team/" + id, form, errors, message)
                .orElseGet(() -> Response.status(status)
                        .entity(render(id, null, null, null, form, errors, message))
                        .build());
    }

    private TemplateInstance render(
            long id,
            String status,
            String module,
            String sort,
            Map<String, String> form,
            Map<String, String> errors,
            String notice) {
        Organisation o = access.organisation(id);
        TeamService.Team all = teams.team(id, o.name, access.actor());
        // the module filter changes the rows and the counts: only who must follow that module, and where they stand
        // with it
        String chosen = module != null && all.requiredModuleIds().contains(module) ? module : null;
        TeamService.Team team = chosen == null ? all : all.forModule(chosen);
        Optional<TeamService.Standing> wanted = TeamService.Standing.ofFilter(status);
        List<TeamService.Row> rows = team.rows().stream()
                .filter(r -> wanted.isEmpty() || r.status() == wanted.get())
                .sorted(
                        "status".equals(sort)
                                ? TeamService.URGENT_FIRST
                                : Comparator.comparing(TeamService.Row::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        // the module list offers what this team must follow
        List<Module> modules = content.catalog().modules().stream()
                .filter(m -> all.requiredModuleIds().contains(m.id()))
                .toList();
        // the functions of the organisation's sector first, all others behind "Andere functie"
        List<JobFunction> sectorFunctions = content.catalog().functionsOfSector(o.sector);
        List<JobFunction> otherFunctions = content.catalog().functions().values().stream()
                .filter(f -> !sectorFunctions.contains(f))
                .toList();
        String sectorName = content.catalog().sector(o.sector).map(Sector::name).orElse(o.sector);
        // the counts link to their status filter and keep the chosen module and order
        String keep = (chosen == null ? "" : "&module=" + chosen) + ("status".equals(sort) ? "&sorteer=status" : "");
        return Templates.team(
                team,
                rows,
                wanted.map(TeamService.Standing::filter).orElse(null),
                chosen,
                sort,
                keep,
                modules,
                sectorName,
                sectorFunctions,
                otherFunctions,
                form,
                errors,
                notice);
    }
}
