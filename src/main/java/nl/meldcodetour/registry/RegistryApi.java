package nl.meldcodetour.registry;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;

/**
 * Organisation and aandachtsfunctionaris registry. Beheerder: read and write; gemeente: read; an
 * aandachtsfunctionaris: read the organisations where they are an active aandachtsfunctionaris, nothing else.
 */
@Path("/api/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Register")
public class RegistryApi {

    public record OrganisationView(long id, String name, String kvkNumber, String vestigingsnummer, String sector,
            String sectorName, String gemeente, String area, String postcode, Integer staffCount, String address,
            boolean active, int version, boolean afMissing, List<AfView> aandachtsfunctionarissen) {
    }

    public record AfView(long id, String name, String email, String location, LocalDate startDate, LocalDate endDate,
            boolean active, String trainingStatus, LocalDate trainingValidUntil) {
    }

    public record EndRequest(LocalDate endDate) {
    }

    @Inject
    OrganisationService registry;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    java.time.Clock clock;

    @GET
    @RolesAllowed({ Roles.BEHEERDER, Roles.GEMEENTE })
    @Operation(summary = "Organisaties zoeken (naam), filteren op sector en gemeente, per pagina")
    public OrganisationService.Page<OrganisationService.OrganisationSummary> list(@QueryParam("q") String q,
            @QueryParam("sector") String sector, @QueryParam("gemeente") String gemeente,
            @QueryParam("inactive") @DefaultValue("false") boolean inactive,
            @QueryParam("page") @DefaultValue("1") @Min(value = 1, message = "De pagina begint bij 1.") int page,
            @QueryParam("size") @DefaultValue("25") @Min(value = 1, message = "Minimaal 1 per pagina.")
            @Max(value = OrganisationService.MAX_PAGE_SIZE, message = "Maximaal 100 per pagina.") int size) {
        return registry.search(q, sector, gemeente, inactive, page, size);
    }

    @GET
    @Path("mine")
    @RolesAllowed(Roles.AANDACHTSFUNCTIONARIS)
    @Operation(summary = "De organisaties waar ik actief aandachtsfunctionaris ben")
    public List<OrganisationView> mine() {
        return registry.organisationsWhereActiveAf(user.person().id).stream()
                .map(id -> view(registry.find(id).orElseThrow())).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.BEHEERDER, Roles.GEMEENTE, Roles.AANDACHTSFUNCTIONARIS })
    @Operation(summary = "Eén organisatie met haar aandachtsfunctionarissen (ook wie gestopt is)")
    @jakarta.transaction.Transactional
    public OrganisationView get(@PathParam("id") long id) {
        OrganisationView view = view(readable(id));
        if (!view.aandachtsfunctionarissen().isEmpty()) {
            // the AFs' own training status is a personal record: who looked is logged
            audit.record(user.person().subject, "VIEW", "aandachtsfunctionaris-training", id,
                    view.aandachtsfunctionarissen().size() + " aandachtsfunctionaris(sen)");
        }
        return view;
    }

    @POST
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Organisatie toevoegen")
    public Response create(OrganisationService.OrganisationInput input) {
        Organisation o = registry.create(required(input), user.person().subject);
        return Response.status(201).header("Location", "/api/organisations/" + o.id).entity(view(o)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Organisatie wijzigen; stuur de versie mee (409 als iemand anders haar intussen wijzigde)")
    public OrganisationView update(@PathParam("id") long id, OrganisationService.OrganisationInput input) {
        return view(registry.update(id, required(input), user.person().subject));
    }

    @POST
    @Path("{id}/deactivate")
    @RolesAllowed(Roles.BEHEERDER)
    @Operation(summary = "Organisatie deactiveren (blijft bewaard)")
    public OrganisationView deactivate(@PathParam("id") long id) {
        return view(registry.setActive(id, false, user.person().subject));
    }

    @POST
    @Path("{id}/activate")
    @RolesAllowed(Roles.BEHEERDER)
    @Operation(summary = "Organisatie weer activeren")
    public OrganisationView activate(@PathParam("id") long id) {
        return view(registry.setActive(id, true, user.person().subject));
    }

    @POST
    @Path("{id}/aandachtsfunctionarissen")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Aandachtsfunctionaris toevoegen")
    public Response addAf(@PathParam("id") long id, OrganisationService.AfInput input) {
        if (input == null) {
            throw new nl.meldcodetour.core.InvalidInputException(java.util.Map.of("name", "Dit veld is verplicht.",
                    "email", "Dit veld is verplicht."));
        }
        Aandachtsfunctionaris af = registry.addAandachtsfunctionaris(id, input, user.person().subject);
        return Response.status(201).entity(afView(af, LocalDate.now(clock))).build();
    }

    @POST
    @Path("{id}/aandachtsfunctionarissen/{afId}/end")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Aandachtsfunctionaris laten stoppen (geschiedenis blijft bewaard)")
    public AfView endAf(@PathParam("id") long id, @PathParam("afId") long afId, EndRequest request) {
        Aandachtsfunctionaris af = registry.endAandachtsfunctionaris(id, afId, request == null ? null : request.endDate(),
                user.person().subject);
        return afView(af, LocalDate.now(clock));
    }

    private Organisation readable(long id) {
        Organisation o = registry.find(id).orElseThrow(NotFoundException::new);
        if (!user.hasRole(Roles.BEHEERDER) && !user.hasRole(Roles.GEMEENTE)
                && !registry.organisationsWhereActiveAf(user.person().id).contains(id)) {
            // An aandachtsfunctionaris of another organisation: indistinguishable from a missing one.
            throw new NotFoundException();
        }
        return o;
    }

    private static OrganisationService.OrganisationInput required(OrganisationService.OrganisationInput input) {
        if (input == null) {
            return new OrganisationService.OrganisationInput(null, null, null, null, null, null, null, null, null, null);
        }
        return input;
    }

    private OrganisationView view(Organisation o) {
        LocalDate today = LocalDate.now(clock);
        List<AfView> afs = registry.aandachtsfunctionarissen(o.id).stream().map(a -> {
            LocalDate until = registry.afModuleValidUntil(a.personId);
            var status = nl.meldcodetour.learning.Validity.status(until, false, today);
            return new AfView(a.id, a.name, a.email, a.location, a.startDate, a.endDate, a.isActiveOn(today),
                    status == nl.meldcodetour.learning.ModuleStatus.NIET_GESTART ? "Nog niet gedaan" : status.label(), until);
        }).toList();
        boolean missing = o.active && registry.obliged(o.sector) && afs.stream().noneMatch(AfView::active);
        return new OrganisationView(o.id, o.name, o.kvkNumber, o.vestigingsnummer, o.sector, registry.sectorName(o.sector),
                o.gemeente, o.area, o.postcode == null ? null : o.postcode.strip(), o.staffCount, o.address, o.active,
                o.version, missing, afs);
    }

    private static AfView afView(Aandachtsfunctionaris a, LocalDate today) {
        return new AfView(a.id, a.name, a.email, a.location, a.startDate, a.endDate, a.isActiveOn(today), null, null);
    }

}
