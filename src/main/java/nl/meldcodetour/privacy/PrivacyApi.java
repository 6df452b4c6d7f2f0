/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.privacy;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.quiz.QuizService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** AVG: my data as JSON; for the beheerder, finding and erasing a person. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyApi {

    @Inject
    CurrentUser user;

    @Inject
    PersonalData data;

    /** Why the beheerder erases (optional, kept in the audit log without the person's name). */
    @Inject
    QuizService quiz;

    public record ErasureRequest(String reason) {}

    @GET
    @Path("me/data")
    @Authenticated
    @Operation(summary = "Alle gegevens die Meldcodetour over mij bewaart (inzage, AVG artikel 15)")
    public Map<String, Object> mine() {
        return data.export(user.person().id);
    }

    @GET
    @Path("people")
    @RolesAllowed(Roles.BEHEERDER)
    @Operation(summary = "Personen zoeken op e-mailadres (beheerder)")
    public List<PersonalData.PersonSummary> find(@QueryParam("email") String email) {
        if (email == null || email.isBlank() || email.length() > 320) {
            throw new InvalidInputException(Map.of("email", "Geef het e-mailadres van de persoon."));
        }
        return data.findByEmail(email);
    }

    @GET
    @Path("people/{id}/quiz-gates")
    @RolesAllowed(Roles.BEHEERDER)
    @Operation(
            summary =
                    "Modules waarvan de toets voor deze persoon geblokkeerd is (na twee keer niet gehaald; beheerder)")
    public List<BlockedModule> quizGates(@PathParam("id") long id) {
        data.find(id).orElseThrow(NotFoundException::new);
        return BlockedModule.of(quiz, id);
    }

    @POST
    @Path("people/{id}/quiz-gates/{moduleId}/lift")
    @RolesAllowed(Roles.BEHEERDER)
    @Operation(summary = "Hef de toetsblokkade van een persoon voor een module op (beheerder; komt in het logboek)")
    public Map<String, Object> liftQuizGate(@PathParam("id") long id, @PathParam("moduleId") String moduleId) {
        data.find(id).orElseThrow(NotFoundException::new);
        quiz.liftGate(id, quiz.module(moduleId).orElseThrow(NotFoundException::new), user.person().subject);
        return Map.of("id", id, "moduleId", moduleId, "lifted", true);
    }

    @POST
    @Path("people/{id}/erasure")
    @RolesAllowed(Roles.BEHEERDER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Persoonsgegevens van een persoon verwijderen (AVG artikel 17, beheerder); tellingen blijven gelijk")
    public Map<String, Object> erase(@PathParam("id") long id, ErasureRequest request) {
        if (!data.erase(id, user.person().subject, request == null ? null : request.reason())) {
            throw new NotFoundException();
        }
        return Map.of("id", id, "erased", true);
    }
}
