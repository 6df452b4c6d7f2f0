/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.registry;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Sector;
import nl.meldcodetour.core.ConflictException;
import nl.meldcodetour.core.DuplicateException;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.web.FormFlash;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.identity.Person;

/**
 * Registry pages. Same rules as {@link RegistryApi}: beheerder edits, regio reads, gemeente reads within their
 * gemeenten, an AF reads their own.
 */
@Path("/register")
@Produces(MediaType.TEXT_HTML)
public class RegistryPages {

    /** Form values as typed, so nothing is lost when the form comes back with errors. */
    public record Form(
            String name,
            String kvkNumber,
            String vestigingsnummer,
            String sector,
            String gemeente,
            String area,
            String postcode,
            String staffCount,
            String address,
            String version) {

        static Form of(Organisation o) {
            return new Form(
                    o.name,
                    o.kvkNumber,
                    o.vestigingsnummer,
                    o.sector,
                    o.gemeente,
                    o.area,
                    o.postcode == null ? null : o.postcode.strip(),
                    o.staffCount == null ? null : o.staffCount.toString(),
                    o.address,
                    String.valueOf(o.version));
        }

        /** As carried by a refused submit back to the form (post/redirect/get). */
        static Form of(Map<String, String> f) {
            return new Form(
                    f.get("name"),
                    f.get("kvkNumber"),
                    f.get("vestigingsnummer"),
                    f.get("sector"),
                    f.get("gemeente"),
                    f.get("area"),
                    f.get("postcode"),
                    f.get("staffCount"),
                    f.get("address"),
                    f.get("version"));
        }

        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("kvkNumber", kvkNumber);
            fields.put("vestigingsnummer", vestigingsnummer);
            fields.put("sector", sector);
            fields.put("gemeente", gemeente);
            fields.put("area", area);
            fields.put("postcode", postcode);
            fields.put("staffCount", staffCount);
            fields.put("address", address);
            fields.put("version", version);
            fields.values().removeIf(Objects::isNull);
            return fields;
        }

        static Form of(MultivaluedMap<String, String> f) {
            return new Form(
                    f.getFirst("name"),
                    f.getFirst("kvkNumber"),
                    f.getFirst("vestigingsnummer"),
                    f.getFirst("sector"),
                    f.getFirst("gemeente"),
                    f.getFirst("area"),
                    f.getFirst("postcode"),
                    f.getFirst("staffCount"),
                    f.getFirst("address"),
                    f.getFirst("version"));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                OrganisationService.Page<OrganisationService.OrganisationSummary> result,
                String q,
                String sector,
                String gemeente,
                boolean inactive,
                List<Sector> sectors,
                boolean canEdit,
                String pageQuery);

        static native TemplateInstance detail(
                OrganisationViews.OrganisationView org, boolean canEdit, Map<String, String> errors, String notice);

        static native TemplateInstance form(
                Long id, Form form, List<Sector> sectors, Map<String, String> errors, String conflict);

        static native TemplateInstance confirmDeactivate(OrganisationViews.OrganisationView org);

        /** An aandachtsfunctionaris' own organisations: several, or none yet (then how they get registered). */
        static native TemplateInstance mine(
                List<OrganisationViews.OrganisationView> organisations,
                Person person,
                List<OrganisationService.UpcomingAfRole> upcoming);
    }

    @Inject
    FormFlash flash;

    @Inject
    OrganisationService registry;

    @Inject
    OrganisationViews views;

    @Inject
    CurrentUser user;

    @Inject
    ContentService content;

    @GET
    @RolesAllowed({Roles.BEHEERDER, Roles.GEMEENTE, Roles.REGIO, Roles.AANDACHTSFUNCTIONARIS})
    public Response list(
            @QueryParam("q") String q,
            @QueryParam("sector") String sector,
            @QueryParam("gemeente") String gemeente,
            @QueryParam("inactief") @DefaultValue("false") boolean inactive,
            @QueryParam("pagina") String pageParam) {
        if (!user.hasRole(Roles.BEHEERDER) && !user.hasRole(Roles.GEMEENTE) && !user.hasRole(Roles.REGIO)) {
            // An aandachtsfunctionaris has no list: straight to their own organisation, a choice of their own
            // organisations, or (not registered yet) how they get registered. Never a 403 from their own menu.
            List<OrganisationViews.OrganisationView> mine = views.mine();
            if (mine.size() == 1) {
                return Response.seeOther(URI.create("/register/" + mine.get(0).id()))
                        .build();
            }
            var person = user.person();
            return Response.ok(Templates.mine(
                            mine, person, mine.isEmpty() ? registry.upcomingAfRoles(person.id) : List.of()))
                    .build();
        }
        int page = parsePage(pageParam);
        var result = views.search(q, sector, gemeente, inactive, page, 25);
        String pageQuery = query(q, sector, gemeente, inactive);
        return Response.ok(Templates.list(
                        result, q, sector, gemeente, inactive, sectors(), user.hasRole(Roles.BEHEERDER), pageQuery))
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.BEHEERDER, Roles.GEMEENTE, Roles.REGIO, Roles.AANDACHTSFUNCTIONARIS})
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("melding") String notice) {
        Optional<FormFlash.Flashed> refused = flash.take();
        return Templates.detail(
                views.readable(id),
                user.hasRole(Roles.BEHEERDER),
                refused.map(FormFlash.Flashed::errors).orElse(Map.of()),
                refused.map(FormFlash.Flashed::message)
                        .orElse(
                                "bestaat-al".equals(notice)
                                        ? "Deze organisatie stond al in het register. Er is geen tweede aangemaakt."
                                        : null));
    }

    @GET
    @Path("nieuw")
    @RolesAllowed(Roles.BEHEERDER)
    public TemplateInstance newForm() {
        return flash.take()
                .map(refused ->
                        Templates.form(null, Form.of(refused.form()), sectors(), refused.errors(), refused.message()))
                .orElseGet(() -> Templates.form(
                        null,
                        new Form(null, null, null, null, null, null, null, null, null, null),
                        sectors(),
                        Map.of(),
                        null));
    }

    @POST
    @Path("nieuw")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> f) {
        Form form = Form.of(f);
        try {
            Organisation o = registry.create(input(form, null), user.person().subject);
            return Response.seeOther(URI.create("/register/" + o.id)).build();
        } catch (InvalidInputException e) {
            return refused("/register/nieuw", null, form, e.errors(), null, 400);
        } catch (DuplicateException e) {
            Organisation existing = registry.find(e.existingId()).orElse(null);
            if (existing != null
                    && form.name() != null
                    && existing.name.equalsIgnoreCase(form.name().strip())) {
                // the same organisation sent twice: to the one that exists, where the first submit went
                return Response.seeOther(URI.create("/register/" + e.existingId() + "?melding=bestaat-al"))
                        .build();
            }
            return refused("/register/nieuw", null, form, Map.of(), e.getMessage(), 409);
        } catch (ConflictException e) {
            return refused(
                    "/register/nieuw",
                    null,
                    form,
                    Map.of(),
                    e.getMessage() + " Controleer je gegevens hieronder en sla opnieuw op.",
                    409);
        }
    }

    @GET
    @Path("{id}/wijzigen")
    @RolesAllowed(Roles.BEHEERDER)
    public TemplateInstance editForm(@PathParam("id") long id) {
        Organisation o = registry.find(id).orElseThrow(NotFoundException::new);
        return flash.take()
                .map(refused ->
                        Templates.form(id, Form.of(refused.form()), sectors(), refused.errors(), refused.message()))
                .orElseGet(() -> Templates.form(id, Form.of(o), sectors(), Map.of(), null));
    }

    @POST
    @Path("{id}/wijzigen")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        Form form = Form.of(f);
        try {
            registry.update(id, input(form, form.version()), user.person().subject);
            return Response.seeOther(URI.create("/register/" + id)).build();
        } catch (InvalidInputException e) {
            return refused("/register/" + id + "/wijzigen", id, form, e.errors(), null, 400);
        } catch (OrganisationService.ChangedMeanwhile e) {
            // Keep what this editor typed, show what is saved now, and base a new attempt on the current version: one
            // message that says what happened and what to do here (the API's "laad de gegevens opnieuw" does not
            // apply).
            Organisation current = registry.find(id).orElseThrow(NotFoundException::new);
            Form kept = new Form(
                    form.name(),
                    form.kvkNumber(),
                    form.vestigingsnummer(),
                    form.sector(),
                    form.gemeente(),
                    form.area(),
                    form.postcode(),
                    form.staffCount(),
                    form.address(),
                    String.valueOf(current.version));
            String saved = "Nu opgeslagen: " + current.name + ", " + registry.sectorName(current.sector) + ", "
                    + current.gemeente + (current.area == null ? "" : ", " + current.area) + ".";
            return refused(
                    "/register/" + id + "/wijzigen",
                    id,
                    kept,
                    Map.of(),
                    "Iemand anders heeft deze organisatie "
                            + "gewijzigd terwijl jij bezig was. " + saved
                            + " Hieronder staat wat jij had ingevuld. Pas het aan waar nodig "
                            + "en sla opnieuw op.",
                    409);
        } catch (ConflictException e) {
            return refused(
                    "/register/" + id + "/wijzigen",
                    id,
                    form,
                    Map.of(),
                    e.getMessage() + " Controleer je gegevens hieronder en sla opnieuw op.",
                    409);
        }
    }

    /** Back to the organisation's page with the errors or the message (post/redirect/get). */
    private Response refusedOnDetail(long id, Map<String, String> errors, String message, int status) {
        return flash.redirect("/register/" + id, Map.of(), errors, message)
                .orElseGet(() -> Response.status(status)
                        .entity(Templates.detail(views.readable(id), true, errors, message))
                        .build());
    }

    /** Back to the form with what was typed (post/redirect/get); the form page itself only when that does not fit a cookie. */
    private Response refused(String path, Long id, Form form, Map<String, String> errors, String message, int status) {
        return flash.redirect(path, form.fields(), errors, message)
                .orElseGet(() -> Response.status(status)
                        .entity(Templates.form(id, form, sectors(), errors, message))
                        .build());
    }

    @GET
    @Path("{id}/deactiveren")
    @RolesAllowed(Roles.BEHEERDER)
    public TemplateInstance confirmDeactivate(@PathParam("id") long id) {
        return Templates.confirmDeactivate(views.readable(id));
    }

    @POST
    @Path("{id}/deactiveren")
    @RolesAllowed(Roles.BEHEERDER)
    public Response deactivate(@PathParam("id") long id) {
        registry.setActive(id, false, user.person().subject);
        return Response.seeOther(URI.create("/register/" + id)).build();
    }

    @POST
    @Path("{id}/activeren")
    @RolesAllowed(Roles.BEHEERDER)
    public Response activate(@PathParam("id") long id) {
        registry.setActive(id, true, user.person().subject);
        return Response.seeOther(URI.create("/register/" + id)).build();
    }

    @POST
    @Path("{id}/aandachtsfunctionarissen")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addAf(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        try {
            LocalDate start = date(f.getFirst("startDate"), "startDate");
            registry.addAandachtsfunctionaris(
                    id,
                    new OrganisationService.AfInput(
                            f.getFirst("name"), f.getFirst("email"), f.getFirst("location"), start),
                    user.person().subject);
            return Response.seeOther(URI.create("/register/" + id)).build();
        } catch (InvalidInputException e) {
            return refusedOnDetail(id, e.errors(), null, 400);
        } catch (ConflictException e) {
            return refusedOnDetail(id, Map.of(), e.getMessage(), 409);
        }
    }

    @POST
    @Path("{id}/aandachtsfunctionarissen/{afId}/stoppen")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endAf(@PathParam("id") long id, @PathParam("afId") long afId, MultivaluedMap<String, String> f) {
        try {
            registry.endAandachtsfunctionaris(id, afId, date(f.getFirst("endDate"), "endDate"), user.person().subject);
            return Response.seeOther(URI.create("/register/" + id)).build();
        } catch (InvalidInputException e) {
            return refusedOnDetail(id, e.errors(), null, 400);
        } catch (ConflictException e) {
            return refusedOnDetail(id, Map.of(), e.getMessage(), 409);
        }
    }

    private List<Sector> sectors() {
        return List.copyOf(content.catalog().sectors().values());
    }

    private static OrganisationService.OrganisationInput input(Form f, String version) {
        Integer staff = null;
        if (f.staffCount() != null && !f.staffCount().isBlank()) {
            try {
                staff = Integer.valueOf(f.staffCount().strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(Map.of("staffCount", "Vul een heel getal in."));
            }
        }
        Integer v = null;
        if (version != null) {
            try {
                v = Integer.valueOf(version.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(
                        Map.of("version", "De versie van het formulier ontbreekt. Laad de pagina opnieuw."));
            }
        }
        return new OrganisationService.OrganisationInput(
                f.name(),
                f.kvkNumber(),
                f.vestigingsnummer(),
                f.sector(),
                f.gemeente(),
                f.area(),
                f.postcode(),
                staff,
                f.address(),
                v);
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Map.of(field, "Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2026-09-01."));
        }
    }

    private static int parsePage(String value) {
        try {
            return value == null ? 1 : Math.max(1, Math.min(100_000, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String query(String q, String sector, String gemeente, boolean inactive) {
        StringBuilder b = new StringBuilder();
        append(b, "q", q);
        append(b, "sector", sector);
        append(b, "gemeente", gemeente);
        if (inactive) {
            append(b, "inactief", "true");
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String key, String value) {
        if (value != null && !value.isBlank()) {
            b.append(key)
                    .append('=')
                    .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8))
                    .append('&');
        }
    }
}
