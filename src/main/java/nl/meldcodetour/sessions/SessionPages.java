/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
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
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Sector;
import nl.meldcodetour.core.ConflictException;
import nl.meldcodetour.core.DuplicateException;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.core.web.Attachments;
import nl.meldcodetour.core.web.FormFlash;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.identity.Person;

/** Bijeenkomsten: see, register, cancel (with confirmation), add to calendar; plan; mark attendance on a phone. */
@Path("/bijeenkomsten")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SessionPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                List<SessionService.SessionView> sessions, boolean canPlan, Set<Long> manageable, String notice);

        static native TemplateInstance confirmCancel(SessionService.SessionView session);

        static native TemplateInstance plan(
                Map<String, String> form, Map<String, String> errors, List<Sector> sectors, List<Module> modules);

        static native TemplateInstance change(
                SessionService.SessionView session, Map<String, String> form, Map<String, String> errors);

        static native TemplateInstance confirmCancelSession(SessionService.SessionView session);

        static native TemplateInstance attendance(
                SessionService.SessionView session,
                List<SessionService.Attendee> attendees,
                String closed,
                String notice,
                String error);
    }

    @Inject
    FormFlash flash;

    @Inject
    SessionService sessions;

    @Inject
    CurrentUser user;

    @Inject
    ContentService content;

    @Inject
    SessionCalendar calendar;

    /**
     * The upcoming sessions. Presentielijst, Wijzigen and Afzeggen show only where they are allowed (as {@link #mayMark}):
     * on every session for the beheerder, who also sees every sector's; on the sessions a person trains for anyone else.
     */
    @GET
    public TemplateInstance list(@QueryParam("melding") String notice) {
        Person me = user.person();
        boolean beheerder = user.hasRole(Roles.BEHEERDER);
        List<SessionService.SessionView> upcoming = sessions.upcoming(me.id, beheerder ? null : me.sector);
        Set<Long> manageable = beheerder
                ? upcoming.stream().map(SessionService.SessionView::id).collect(Collectors.toSet())
                : sessions.upcomingTrainedBy(me.id);
        return Templates.list(
                upcoming,
                beheerder || user.hasRole(Roles.TRAINER),
                manageable,
                notice == null ? null : notices().get(notice));
    }

    @POST
    @Path("{id}/aanmelden")
    public Response register(@PathParam("id") long id) {
        try {
            SessionService.Registration r = sessions.register(id, user.person().id);
            return back((r.already() ? "al-" : "") + (r.status().equals("registered") ? "aangemeld" : "wachtlijst"));
        } catch (ConflictException e) {
            return back("gesloten");
        }
    }

    @GET
    @Path("{id}/afmelden")
    public TemplateInstance confirmCancel(@PathParam("id") long id) {
        SessionService.SessionView s = sessions.session(id, user.person().id);
        if (s.mine() == null || s.mine().equals("cancelled")) {
            throw new NotFoundException();
        }
        return Templates.confirmCancel(s);
    }

    @POST
    @Path("{id}/afmelden")
    public Response cancel(@PathParam("id") long id) {
        sessions.cancel(id, user.person().id);
        return back("afgemeld");
    }

    @GET
    @Path("{id}/agenda.ics")
    @Produces("text/calendar")
    public Response calendar(@PathParam("id") long id) {
        return Attachments.of(calendar.entry(id, user.person().id));
    }

    @GET
    @Path("nieuw")
    @RolesAllowed({Roles.BEHEERDER, Roles.TRAINER})
    public TemplateInstance planForm() {
        Optional<FormFlash.Flashed> refused = flash.take();
        return Templates.plan(
                refused.map(FormFlash.Flashed::form).orElseGet(() -> new LinkedHashMap<>(Map.of("capacity", "25"))),
                refused.map(FormFlash.Flashed::errors).orElse(Map.of()),
                List.copyOf(content.catalog().sectors().values()),
                content.catalog().modules());
    }

    @POST
    @Path("nieuw")
    @RolesAllowed({Roles.BEHEERDER, Roles.TRAINER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response plan(MultivaluedMap<String, String> f) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field :
                List.of("title", "startsAt", "endsAt", "place", "onlineUrl", "capacity", "trainer", "trainerEmail")) {
            form.put(field, f.getFirst(field) == null ? "" : f.getFirst(field));
        }
        form.put("sectors", String.join(",", f.getOrDefault("sectors", List.of())));
        form.put("modules", String.join(",", f.getOrDefault("modules", List.of())));
        Integer capacity = null;
        try {
            capacity = Integer.valueOf(form.get("capacity").strip());
        } catch (NumberFormatException e) {
            // reported by the service as a missing capacity
        }
        try {
            sessions.plan(
                    new SessionService.SessionInput(
                            form.get("title"),
                            f.getOrDefault("sectors", List.of()),
                            f.getOrDefault("modules", List.of()),
                            form.get("startsAt"),
                            form.get("endsAt"),
                            form.get("place"),
                            form.get("onlineUrl"),
                            capacity,
                            form.get("trainer"),
                            form.get("trainerEmail")),
                    user.person().subject,
                    selfAsTrainer());
            return back("gepland");
        } catch (DuplicateException e) {
            // sent twice: planned once, and the second submit ends where the first did
            return back("al-gepland");
        } catch (InvalidInputException e) {
            Map<String, String> errors = inFormOrder(e.errors());
            return flash.redirect("/bijeenkomsten/nieuw", form, errors, null)
                    .orElseGet(() -> Response.status(400)
                            .entity(Templates.plan(
                                    form,
                                    errors,
                                    List.copyOf(content.catalog().sectors().values()),
                                    content.catalog().modules()))
                            .build());
        }
    }

    /** The fields of the session forms from top to bottom: the error summary lists problems in this order. */
    static final List<String> FIELD_ORDER = List.of(
            "title",
            "startsAt",
            "endsAt",
            "place",
            "onlineUrl",
            "capacity",
            "trainer",
            "trainerEmail",
            "sectors",
            "modules");

    static Map<String, String> inFormOrder(Map<String, String> errors) {
        Map<String, String> ordered = new LinkedHashMap<>();
        FIELD_ORDER.stream().filter(errors::containsKey).forEach(f -> ordered.put(f, errors.get(f)));
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }

    @GET
    @Path("{id}/wijzigen")
    public TemplateInstance changeForm(@PathParam("id") long id) {
        SessionService.SessionView s = mayMark(id);
        DateTimeFormatter local =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ClockProducer.ZONE);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("startsAt", local.format(s.startsAt()));
        form.put("endsAt", local.format(s.endsAt()));
        form.put("place", s.place() == null ? "" : s.place());
        form.put("onlineUrl", s.onlineUrl() == null ? "" : s.onlineUrl());
        form.put("capacity", String.valueOf(s.capacity()));
        Optional<FormFlash.Flashed> refused = flash.take();
        return Templates.change(
                s,
                refused.map(FormFlash.Flashed::form).orElse(form),
                refused.map(FormFlash.Flashed::errors).orElse(Map.of()));
    }

    @POST
    @Path("{id}/wijzigen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        SessionService.SessionView s = mayMark(id);
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("startsAt", "endsAt", "place", "onlineUrl", "capacity")) {
            form.put(field, f.getFirst(field) == null ? "" : f.getFirst(field));
        }
        Integer capacity = null;
        try {
            capacity = Integer.valueOf(form.get("capacity").strip());
        } catch (NumberFormatException e) {
            // reported by the service as a missing capacity
        }
        try {
            sessions.change(
                    id,
                    new SessionService.SessionInput(
                            s.title(),
                            s.sectors(),
                            s.modules(),
                            form.get("startsAt"),
                            form.get("endsAt"),
                            form.get("place"),
                            form.get("onlineUrl"),
                            capacity,
                            s.trainer(),
                            null),
                    user.person().subject);
            return back("gewijzigd");
        } catch (InvalidInputException e) {
            Map<String, String> errors = inFormOrder(e.errors());
            return flash.redirect("/bijeenkomsten/" + id + "/wijzigen", form, errors, null)
                    .orElseGet(() -> Response.status(400)
                            .entity(Templates.change(s, form, errors))
                            .build());
        }
    }

    @GET
    @Path("{id}/afzeggen")
    public TemplateInstance confirmCancelSession(@PathParam("id") long id) {
        return Templates.confirmCancelSession(mayMark(id));
    }

    @POST
    @Path("{id}/afzeggen")
    public Response cancelSession(@PathParam("id") long id) {
        mayMark(id);
        sessions.cancelSession(id, user.person().subject);
        return back("afgezegd");
    }

    @GET
    @Path("{id}/presentie")
    public TemplateInstance attendance(@PathParam("id") long id, @QueryParam("melding") String notice) {
        SessionService.SessionView s = mayMark(id);
        String refused = flash.take().map(FormFlash.Flashed::message).orElse(null);
        return Templates.attendance(
                s,
                sessions.attendees(id, user.person().subject),
                sessions.attendanceClosed(s).orElse(null),
                "opgeslagen".equals(notice) ? "De presentie is opgeslagen." : null,
                refused);
    }

    @POST
    @Path("{id}/presentie")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveAttendance(@PathParam("id") long id, MultivaluedMap<String, String> f) {
        SessionService.SessionView s = mayMark(id);
        Map<Long, Boolean> marks = new LinkedHashMap<>();
        for (var e : f.entrySet()) {
            if (e.getKey().startsWith("r-") && !e.getValue().isEmpty()) {
                try {
                    String v = e.getValue().get(0);
                    if (v.equals("aanwezig") || v.equals("afwezig")) {
                        marks.put(Long.valueOf(e.getKey().substring(2)), v.equals("aanwezig"));
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours: ignored
                }
            }
        }
        Optional<String> closed = sessions.attendanceClosed(s);
        if (closed.isPresent()) {
            // before the start (or of a cancelled session) nobody can have attended: the page says so, and why
            return refusedAttendance(s, closed.get());
        }
        if (!marks.isEmpty()) {
            try {
                sessions.markAttendance(id, marks, user.person().subject);
            } catch (ConflictException e) {
                return refusedAttendance(s, e.getMessage());
            }
        }
        return Response.seeOther(URI.create("/bijeenkomsten/" + id + "/presentie?melding=opgeslagen"))
                .build();
    }

    /** Back to the attendance list with why nothing was saved (post/redirect/get). */
    private Response refusedAttendance(SessionService.SessionView s, String message) {
        return flash.redirect("/bijeenkomsten/" + s.id() + "/presentie", Map.of(), Map.of(), message)
                .orElseGet(() -> Response.status(409)
                        .entity(Templates.attendance(
                                s, sessions.attendees(s.id(), user.person().subject), message, null, message))
                        .build());
    }

    private SessionService.SessionView mayMark(long id) {
        SessionService.SessionView s = sessions.session(id, null);
        if (!user.hasRole(Roles.BEHEERDER) && !sessions.isTrainer(id, user.person().id)) {
            throw new ForbiddenException();
        }
        return s;
    }

    private static Response back(String notice) {
        return Response.seeOther(URI.create("/bijeenkomsten?melding=" + notice)).build();
    }

    private static Map<String, String> notices() {
        return Map.ofEntries(
                Map.entry(
                        "aangemeld",
                        "Je bent aangemeld. Zet de bijeenkomst in je agenda met de link bij de bijeenkomst."),
                Map.entry("al-aangemeld", "Je was al aangemeld voor deze bijeenkomst. Er is niets veranderd."),
                Map.entry(
                        "al-wachtlijst", "Je stond al op de wachtlijst voor deze bijeenkomst. Er is niets veranderd."),
                Map.entry(
                        "al-gepland",
                        "Deze bijeenkomst was al gepland (zelfde titel, tijd en plaats). Er is geen tweede gepland."),
                Map.entry(
                        "wachtlijst",
                        "De bijeenkomst is vol. Je staat op de wachtlijst; komt er een plaats vrij, dan krijg je die automatisch."),
                Map.entry("afgemeld", "Je bent afgemeld."),
                Map.entry("gesloten", "Aanmelden kan niet meer: de bijeenkomst gaat niet door of is al begonnen."),
                Map.entry("gepland", "De bijeenkomst is gepland."),
                Map.entry(
                        "gewijzigd",
                        "De bijeenkomst is gewijzigd. Iedereen die is aangemeld of wacht, krijgt een e-mail."),
                Map.entry(
                        "afgezegd",
                        "De bijeenkomst is afgezegd. Iedereen die was aangemeld of wachtte, krijgt een e-mail."));
    }

    static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }

    /** The caller when they plan as trainer (not as beheerder): they become the session's trainer. */
    private Person selfAsTrainer() {
        return user.hasRole(Roles.TRAINER) && !user.hasRole(Roles.BEHEERDER) ? user.person() : null;
    }
}
