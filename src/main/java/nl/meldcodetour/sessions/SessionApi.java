/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldcodetour.core.ConflictException;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.web.Attachments;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.identity.Person;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Sessions (bijeenkomsten): plan (beheerder), register and cancel (everyone), attendance (beheerder or the trainer). */
@Path("/api/sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SessionApi {

    @Inject
    SessionService sessions;

    @Inject
    CurrentUser user;

    @Inject
    SessionCalendar calendar;

    public record Registration(String status, Integer waitlistPosition) {}

    public record AttendanceInput(Map<Long, Boolean> marks) {}

    @GET
    @Operation(
            summary =
                    "Komende bijeenkomsten voor mijn sector en die ik als trainer geef (beheerder: alle), met mijn aanmelding")
    public List<SessionService.SessionView> upcoming() {
        Person me = user.person();
        return sessions.upcoming(me.id, user.hasRole(Roles.BEHEERDER) ? null : me.sector);
    }

    @POST
    @RolesAllowed({Roles.BEHEERDER, Roles.TRAINER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Een bijeenkomst plannen (beheerder of trainer)")
    public Response plan(SessionService.SessionInput input) {
        if (input == null) {
            throw new InvalidInputException(Map.of("body", "Stuur de bijeenkomst als JSON."));
        }
        long id = sessions.plan(input, user.person().subject, selfAsTrainer());
        return Response.created(URI.create("/api/sessions/" + id))
                .entity(sessions.session(id, user.person().id))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tijd, plaats of aantal plaatsen wijzigen; wie is aangemeld of wacht, krijgt bericht")
    public SessionService.SessionView change(@PathParam("id") long id, SessionService.SessionInput input) {
        mayManage(id);
        if (input == null) {
            throw new InvalidInputException(Map.of("body", "Stuur de wijziging als JSON."));
        }
        sessions.change(id, input, user.person().subject);
        return sessions.session(id, user.person().id);
    }

    @POST
    @Path("{id}/cancellation")
    @Operation(summary = "De bijeenkomst afzeggen; wie is aangemeld of wacht, krijgt bericht")
    public SessionService.SessionView cancelSession(@PathParam("id") long id) {
        mayManage(id);
        sessions.cancelSession(id, user.person().subject);
        return sessions.session(id, user.person().id);
    }

    @GET
    @Path("{id}")
    public SessionService.SessionView one(@PathParam("id") long id) {
        return sessions.session(id, user.person().id);
    }

    @PUT
    @Path("{id}/registration")
    @Operation(summary = "Aanmelden; als de bijeenkomst vol is: op de wachtlijst")
    public Registration register(@PathParam("id") long id) {
        long me = user.person().id;
        sessions.register(id, me);
        SessionService.SessionView s = sessions.session(id, me);
        return new Registration(s.mine(), s.waitlistPosition());
    }

    @DELETE
    @Path("{id}/registration")
    @Operation(summary = "Afmelden; de eerste op de wachtlijst krijgt de plaats")
    public Response cancel(@PathParam("id") long id) {
        sessions.cancel(id, user.person().id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/calendar.ics")
    @Produces("text/calendar")
    @Operation(summary = "De bijeenkomst als agenda-item (alleen voor wie is aangemeld)")
    public Response calendar(@PathParam("id") long id) {
        return Attachments.of(calendar.entry(id, user.person().id));
    }

    @GET
    @Path("{id}/attendance")
    @Operation(summary = "Presentielijst (beheerder of de trainer van de bijeenkomst)")
    public List<SessionService.Attendee> attendance(@PathParam("id") long id) {
        mayMarkAttendance(id);
        return sessions.attendees(id, user.person().subject);
    }

    @PUT
    @Path("{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Presentie vastleggen: per aanmelding aanwezig (true) of afwezig (false); 409 zolang de bijeenkomst niet is begonnen of als ze is afgezegd")
    public List<SessionService.Attendee> markAttendance(@PathParam("id") long id, AttendanceInput input) {
        SessionService.SessionView session = mayMarkAttendance(id);
        sessions.attendanceClosed(session).ifPresent(why -> {
            throw new ConflictException(why);
        });
        if (input == null || input.marks() == null || input.marks().isEmpty()) {
            throw new InvalidInputException(Map.of("marks", "Geef per aanmelding aan of iemand aanwezig was."));
        }
        sessions.markAttendance(id, new LinkedHashMap<>(input.marks()), user.person().subject);
        return sessions.attendees(id, user.person().subject);
    }

    /** Change or cancel: the beheerder, or the trainer of this session. */
    void mayManage(long id) {
        mayMarkAttendance(id);
    }

    SessionService.SessionView mayMarkAttendance(long id) {
        SessionService.SessionView session = sessions.session(id, null); // 404 first
        if (!user.hasRole(Roles.BEHEERDER) && !sessions.isTrainer(id, user.person().id)) {
            throw new ForbiddenException();
        }
        return session;
    }

    /** The caller when they plan as trainer (not as beheerder): they become the session's trainer. */
    private Person selfAsTrainer() {
        return user.hasRole(Roles.TRAINER) && !user.hasRole(Roles.BEHEERDER) ? user.person() : null;
    }
}
