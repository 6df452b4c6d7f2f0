/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.web.ApiError;
import nl.meldcodetour.core.web.RateLimits;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.learning.LearningService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** JSON API for quizzes: start an attempt, read it, submit answers, list attempts. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MEDEWERKER, Roles.AANDACHTSFUNCTIONARIS, Roles.GEMEENTE, Roles.REGIO, Roles.BEHEERDER})
@Tag(name = "Toetsen")
public class QuizApi {

    private static final Logger LOG = Logger.getLogger(QuizApi.class);

    /** Answers: per question id the chosen option letters (a, b, … as shown in this attempt). */
    public record Submission(
            @NotNull(message = "Geef de antwoorden op in 'answers'.") @Size(max = 200, message = "Te veel antwoorden.")
            Map<
                            @NotNull @Size(max = 64) String,
                            @NotNull(message = "Kies een antwoord.") @Size(max = 20) List<
                                    @NotNull @Size(max = 64) String>>
                    answers) {}

    /** An attempt: the open questions before submission, the result after. */
    public record AttemptView(
            String id, String moduleId, String status, QuizViews.Open quiz, QuizViews.Result result) {}

    @Inject
    RateLimits limits;

    @Inject
    CurrentUser user;

    @Inject
    QuizService quiz;

    @Inject
    LearningService learning;

    @Inject
    ContentService content;

    /** A module page to read before the next attempt. */
    public record PageToRead(int number, String title, String href) {}

    /**
     * 409 when the retry gate is closed, as {@code application/problem+json}: why, and what opens it (reading these
     * pages, or waiting until opensAt), both as extension members.
     */
    public record RetryGate(
            String type, int status, String title, String detail, List<PageToRead> pagesToRead, Instant opensAt) {}

    @POST
    @Path("modules/{moduleId}/attempts")
    @Operation(
            summary = "Start een toetspoging, of ga verder met de open poging (200)",
            description =
                    "Nieuw: 201 met een nieuwe trekking van vragen, de antwoordopties in een eigen volgorde per poging, "
                            + "zonder de juiste antwoorden. Is er al een open poging voor deze module, dan komt die terug (200). "
                            + "Na twee niet-gehaalde pogingen op rij: 409 tot de uitleg bij de foute antwoorden gelezen is of de wachttijd voorbij is.")
    public Response start(@PathParam("moduleId") String moduleId) {
        limits.quiz();
        Module module = learning.moduleOf(user, moduleId)
                .orElseThrow(NotFoundException::new)
                .module();
        QuizService.Started started = quiz.start(user.person().id, module);
        return Response.status(started.resumed() ? 200 : 201)
                .entity(view(started.attempt()))
                .header("Location", "/api/attempts/" + started.attempt().id)
                .build();
    }

    @PUT
    @Path("attempts/{attemptId}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Bewaar de gekozen antwoorden als concept (niet nagekeken)",
            description = "Vervangt het hele concept; een vraag zonder antwoord is weer open. Na inleveren: 409.")
    public AttemptView saveDraft(
            @PathParam("attemptId") UUID attemptId,
            @Valid @NotNull(message = "Stuur de antwoorden mee.") Submission submission) {
        limits.quiz();
        return view(quiz.saveDraft(user.person().id, attemptId, answerSets(submission.answers())));
    }

    @GET
    @Path("attempts/{attemptId}")
    @Operation(summary = "Eén eigen toetspoging")
    public AttemptView get(@PathParam("attemptId") UUID attemptId) {
        return view(quiz.find(user.person().id, attemptId).orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("attempts/{attemptId}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lever de antwoorden in. Opnieuw inleveren geeft hetzelfde resultaat.")
    public Uni<AttemptView> submit(
            @PathParam("attemptId") UUID attemptId,
            @Valid @NotNull(message = "Stuur de antwoorden mee.") Submission submission) {
        // A Uni (not a blocking method): Quarkus REST then reads the small JSON body on the I/O thread in one go, and
        // the database work runs on a worker thread. A blocking method gets the body streamed to the worker thread,
        // which cost the I/O threads more CPU than the rest of the submission
        // (docs/benchmarks.md, Decisions: Quiz body read on the I/O thread).
        return Uni.createFrom()
                .<AttemptView>emitter(emitter -> {
                    // A client that closed the connection before a worker thread was free has cancelled this Uni, and
                    // its
                    // request, identity included, has ended: nobody is waiting for an answer, so nothing is done (the
                    // attempt stays open; sending the answers again submits it). Without this check the work ran for an
                    // anonymous request and failed.
                    AtomicBoolean gone = new AtomicBoolean();
                    emitter.onTermination(
                            () -> gone.set(true)); // runs at once when the subscription was cancelled already
                    if (gone.get()) {
                        LOG.debug(
                                "Submission not run: its client closed the connection before a worker thread was free");
                        return;
                    }
                    limits.quiz();
                    emitter.complete(
                            submitted(quiz.submit(user.person().id, attemptId, answerSets(submission.answers()))
                                    .attempt()));
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @GET
    @Path("modules/{moduleId}/attempts")
    @Operation(summary = "Mijn toetspogingen voor een module, nieuwste eerst")
    public List<QuizViews.AttemptSummary> history(@PathParam("moduleId") String moduleId) {
        learning.moduleOf(user, moduleId).orElseThrow(NotFoundException::new);
        return quiz.history(user.person().id, moduleId).stream()
                .map(QuizViews::summary)
                .toList();
    }

    @ServerExceptionMapper
    public Response invalidAnswers(QuizService.InvalidAnswersException e) {
        List<ApiError.Violation> violations = e.errors().entrySet().stream()
                .map(entry -> new ApiError.Violation("answers." + entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(ApiError.Violation::field))
                .toList();
        return new ApiError(400, "De antwoorden zijn niet compleet of kloppen niet.", violations).response();
    }

    @ServerExceptionMapper
    public Response gateClosed(QuizService.RetryGateException e) {
        Module module = e.module();
        List<PageToRead> pages = e.gate().pagesToRead().stream()
                .map(n -> new PageToRead(
                        n,
                        module.page(n).map(p -> p.title()).orElse(module.title()),
                        "/modules/" + module.id() + "/pagina/" + n))
                .toList();
        return Response.status(409)
                .type(ApiError.MEDIA_TYPE)
                .entity(new RetryGate(
                        ApiError.ABOUT_BLANK,
                        409,
                        "Je kunt de toets nog niet opnieuw maken.",
                        "Je had de toets twee keer op rij niet gehaald. Lees eerst de pagina's die de foute antwoorden uitleggen; "
                                + "daarna kun je meteen opnieuw beginnen. Of wacht tot de wachttijd voorbij is.",
                        pages,
                        e.gate().opensAt()))
                .build();
    }

    @ServerExceptionMapper
    public Response alreadySubmitted(QuizService.AlreadySubmittedException e) {
        return ApiError.of(409, "Deze toets is al ingeleverd; een concept bewaren kan niet meer.")
                .response();
    }

    private AttemptView view(QuizAttempt attempt) {
        if (attempt.isSubmitted()) {
            return submitted(AttemptRow.of(attempt));
        }
        Module module = content.catalog().module(attempt.moduleId).orElseThrow(NotFoundException::new);
        return new AttemptView(attempt.id.toString(), attempt.moduleId, "OPEN", QuizViews.open(attempt, module), null);
    }

    private AttemptView submitted(AttemptRow attempt) {
        Module module = content.catalog().module(attempt.moduleId()).orElseThrow(NotFoundException::new);
        return new AttemptView(
                attempt.id().toString(), attempt.moduleId(), "SUBMITTED", null, QuizViews.result(attempt, module));
    }

    /** Per question id the chosen letters as a set, from a request's lists (duplicates and blanks dropped). */
    private static Map<String, Set<String>> answerSets(Map<String, List<String>> answers) {
        Map<String, Set<String>> sets = new HashMap<>();
        answers.forEach((question, options) -> {
            Set<String> chosen = new HashSet<>();
            options.stream().filter(o -> o != null && !o.isBlank()).forEach(chosen::add);
            sets.put(question, chosen);
        });
        return sets;
    }
}
