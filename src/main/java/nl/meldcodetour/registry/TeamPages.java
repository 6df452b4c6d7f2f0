package nl.meldcodetour.registry;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.JobFunction;
import nl.meldcodetour.core.web.ConflictException;
import nl.meldcodetour.core.web.InvalidInputException;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.identity.Person;
import nl.meldcodetour.learning.ModuleStatus;

/** The aandachtsfunctionaris' team view. */
@Path("/team")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.AANDACHTSFUNCTIONARIS, Roles.BEHEERDER })
public class TeamPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance team(TeamService.Team team, List<TeamService.Row> rows, String status, String module,
                String sort, List<nl.meldcodetour.content.Module> modules, List<JobFunction> functions,
                Map<String, String> errors, String notice);

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
            return Response.ok(Templates.notRegistered(person, registry.upcomingAfRoles(person.id))).build();
        }
        if (mine.isEmpty()) {
            throw new ForbiddenException();
        }
        return Response.seeOther(URI.create("/team/" + mine.get(0))).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance team(@PathParam("id") long id, @QueryParam("status") String status,
            @QueryParam("module") String module, @QueryParam("sorteer") String sort) {
        return render(id, status, module, sort, Map.of(), null);
    }

    /** The team as CSV for Excel, for the browser (the same file as the API's, with the login cookie). */
    @GET
    @Path("{id}/team.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") long id) {
        Organisation o = access.organisation(id);
        return TeamCsv.download(teams.team(id, o.name, access.actor()));
    }

    @POST
    @Path("{id}/collegas")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addColleague(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        access.organisation(id);
        try {
            teams.addStaff(id, new TeamService.StaffInput(f.getFirst("name"), f.getFirst("email"), f.getFirst("functionId"), null),
                    access.actor());
            return Response.seeOther(URI.create("/team/" + id)).build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(render(id, null, null, null, e.errors(), null)).build();
        } catch (ConflictException e) {
            return Response.status(409).entity(render(id, null, null, null, Map.of(), e.getMessage())).build();
        }
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
            throw new nl.meldcodetour.core.web.InvalidInputException(Map.of("employmentId", "Kies de collega die een herinnering krijgt."));
        }
        try {
            // a second click the same day queues nothing and says when the first was asked
            TeamService.ReminderOutcome outcome = teams.requestReminder(id, employment, f.getFirst("moduleId"), access.actor());
            return Response.ok(render(id, null, null, null, Map.of(), outcome.message())).build();
        } catch (ConflictException e) {
            return Response.status(409).entity(render(id, null, null, null, Map.of(), e.getMessage())).build();
        }
    }

    private TemplateInstance render(long id, String status, String module, String sort, Map<String, String> errors, String notice) {
        Organisation o = access.organisation(id);
        TeamService.Team team = teams.team(id, o.name, access.actor());
        List<TeamService.Row> rows = team.rows().stream()
                .filter(r -> module == null || module.isBlank() || r.modules().stream().anyMatch(c -> c.moduleId().equals(module)))
                .filter(r -> status == null || status.isBlank() || r.modules().stream()
                        .filter(c -> module == null || module.isBlank() || c.moduleId().equals(module))
                        .anyMatch(c -> matches(c.status(), status)))
                .sorted("status".equals(sort) ? Comparator.comparingInt(TeamService.Row::urgency).thenComparing(TeamService.Row::name)
                        : Comparator.comparing(TeamService.Row::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return Templates.team(team, rows, status, module, sort, content.catalog().modules(),
                List.copyOf(content.catalog().functions().values()), errors, notice);
    }

    static boolean matches(ModuleStatus s, String filter) {
        return switch (filter) {
            case "behaald" -> s == ModuleStatus.BEHAALD;
            case "verloopt-binnenkort" -> s == ModuleStatus.VERLOOPT_BINNENKORT;
            case "verlopen" -> s == ModuleStatus.VERLOPEN;
            case "nooit" -> s == ModuleStatus.NIET_GESTART || s == ModuleStatus.BEZIG;
            default -> true;
        };
    }
}
