/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.quiz;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.web.RateLimits;
import nl.meldcodetour.core.web.Roles;
import nl.meldcodetour.identity.CurrentUser;
import nl.meldcodetour.learning.LearningService;

/**
 * Quiz pages: start (POST, then redirect), answer form, submit (POST, then redirect: a refresh never resubmits),
 * result and history. Form field names are {@code q.<questionId>} with option ids as values.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MEDEWERKER, Roles.AANDACHTSFUNCTIONARIS, Roles.GEMEENTE, Roles.REGIO, Roles.BEHEERDER})
public class QuizPages {

    static final String FIELD_PREFIX = "q.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance quiz(
                QuizViews.Open quiz, Map<String, Set<String>> given, Map<String, String> errors, String kept);

        static native TemplateInstance result(QuizViews.Result result, RetryView retry, boolean handedInBefore);

        static native TemplateInstance start(Module module, RetryView retry);

        static native TemplateInstance history(Module module, List<QuizViews.AttemptSummary> attempts);
    }

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

    @Inject
    KeptAnswers keptAnswers;

    /** Shown when answers sent while the login session had ended were kept across the login ({@link KeptAnswers}). */
    static final String KEPT_HANDING_IN =
            "Je was te lang niet actief. Je antwoorden zijn bewaard; controleer ze en lever opnieuw in.";

    static final String KEPT_SAVING = "Je was te lang niet actief. Je antwoorden zijn bewaard.";

    /**
     * What the learner may do next about the quiz: start (or resume) now, or first read these pages or wait until
     * {@code opensAt}. {@code pagesToRead} of a failed result lists every page that explains a wrong answer.
     */
    public record RetryView(boolean closed, List<Module.PageLink> pagesToRead, Instant opensAt) {}

    @GET
    @Path("modules/{moduleId}/toets")
    public TemplateInstance startPage(@PathParam("moduleId") String moduleId) {
        Module module = myModule(moduleId);
        QuizService.Gate gate = quiz.gate(user.person().id, module);
        return Templates.start(module, new RetryView(gate.closed(), links(module, gate.pagesToRead()), gate.opensAt()));
    }

    @POST
    @Path("modules/{moduleId}/toets")
    public Response start(@PathParam("moduleId") String moduleId) {
        limits.quiz();
        Module module = myModule(moduleId);
        try {
            QuizAttempt attempt = quiz.start(user.person().id, module).attempt();
            return Response.seeOther(URI.create("/toets/" + attempt.id)).build();
        } catch (QuizService.RetryGateException e) {
            return Response.seeOther(URI.create("/modules/" + module.id() + "/toets"))
                    .build();
        }
    }

    @GET
    @Path("toets/{attemptId}")
    public Object show(
            @PathParam("attemptId") UUID attemptId, @QueryParam("controle") String check, RoutingContext rc) {
        QuizAttempt attempt = mine(attemptId);
        Optional<KeptAnswers.Kept> kept = keptAnswers.take(rc, attemptId);
        if (attempt.isSubmitted()) {
            return Response.seeOther(URI.create("/toets/" + attemptId + "/resultaat"))
                    .build();
        }
        String notice = null;
        if (kept.isPresent()) {
            try {
                attempt = quiz.saveDraft(user.person().id, attemptId, kept.get().answers());
                notice = kept.get().handingIn() ? KEPT_HANDING_IN : KEPT_SAVING;
            } catch (QuizService.InvalidAnswersException e) {
                // not answers this attempt can have (the cookie was changed): the page as it was
            }
        }
        QuizViews.Open open = QuizViews.open(attempt, module(attempt));
        // After a hand-in with unanswered questions (post/redirect/get): the saved answers, and the questions still
        // open
        Map<String, String> errors = check == null ? Map.of() : QuizViews.unanswered(open);
        return Templates.quiz(open, open.draft(), errors, notice);
    }

    /** Submits the answers, or with {@code actie=opslaan} saves them as a draft; both redirect (a refresh never resubmits). */
    @POST
    @Path("toets/{attemptId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submit(@PathParam("attemptId") UUID attemptId, MultivaluedMap<String, String> form) {
        limits.quiz();
        Map<String, Set<String>> answers = answers(form);
        try {
            if ("opslaan".equals(form.getFirst("actie"))) {
                quiz.saveDraft(user.person().id, attemptId, answers);
                return Response.seeOther(URI.create("/toets/" + attemptId + "#opgeslagen"))
                        .build();
            }
            return toResult(
                    attemptId, quiz.submit(user.person().id, attemptId, answers).handedInBefore());
        } catch (QuizService.AlreadySubmittedException e) {
            return toResult(attemptId, true);
        } catch (QuizService.InvalidAnswersException e) {
            // Not every question answered: keep what was chosen and show the page again by a redirect, so that Back
            // and refresh never land on the answer of a POST ("Confirm Form Resubmission").
            try {
                quiz.saveDraft(user.person().id, attemptId, answers);
                return Response.seeOther(URI.create("/toets/" + attemptId + "?controle=1#fouten"))
                        .build();
            } catch (QuizService.AlreadySubmittedException submitted) {
                return toResult(attemptId, true);
            } catch (QuizService.InvalidAnswersException tampered) {
                // letters or questions that are not part of the attempt: only a changed form sends these
                QuizAttempt attempt = mine(attemptId);
                return Response.status(400)
                        .entity(Templates.quiz(QuizViews.open(attempt, module(attempt)), answers, e.errors(), null))
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .build();
            }
        }
    }

    private static Response toResult(UUID attemptId, boolean handedInBefore) {
        return Response.seeOther(
                        URI.create("/toets/" + attemptId + "/resultaat" + (handedInBefore ? "?al-ingeleverd=1" : "")))
                .build();
    }

    /**
     * Saves the form as the draft without leaving the page: the quiz page's script calls it a few seconds after an
     * answer changes (progressive enhancement, /js/app.js), so answers survive a closed tab or an ended login session.
     * 204 when saved; 409 once handed in; 400 for answers the attempt can't have.
     */
    @POST
    @Path("toets/{attemptId}/concept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response autosave(@PathParam("attemptId") UUID attemptId, MultivaluedMap<String, String> form) {
        limits.quiz();
        try {
            quiz.saveDraft(user.person().id, attemptId, answers(form));
            return Response.noContent().build();
        } catch (QuizService.AlreadySubmittedException e) {
            return Response.status(409).build();
        } catch (QuizService.InvalidAnswersException e) {
            return Response.status(400).build();
        }
    }

    @GET
    @Path("toets/{attemptId}/resultaat")
    public Object result(@PathParam("attemptId") UUID attemptId, @QueryParam("al-ingeleverd") String handedInBefore) {
        QuizAttempt attempt = mine(attemptId);
        if (!attempt.isSubmitted()) {
            return Response.seeOther(URI.create("/toets/" + attemptId)).build();
        }
        Module module = module(attempt);
        RetryView retry = null;
        if (!attempt.passed) {
            QuizService.Gate gate = quiz.gate(user.person().id, module);
            retry = new RetryView(
                    gate.closed(),
                    links(module, gate.closed() ? gate.pagesToRead() : QuizService.explainingPages(attempt, module)),
                    gate.opensAt());
        }
        return Templates.result(QuizViews.result(AttemptRow.of(attempt), module), retry, handedInBefore != null);
    }

    /** Per question id the chosen letters, from the form fields {@code q.<questionId>} (duplicates and blanks dropped). */
    static Map<String, Set<String>> answers(MultivaluedMap<String, String> form) {
        Map<String, Set<String>> answers = new HashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(FIELD_PREFIX) && values != null) {
                Set<String> chosen = new HashSet<>();
                values.stream().filter(v -> v != null && !v.isBlank()).forEach(chosen::add);
                answers.put(name.substring(FIELD_PREFIX.length()), chosen);
            }
        });
        return answers;
    }

    private static List<Module.PageLink> links(Module module, List<Integer> pages) {
        List<Module.PageLink> all = module.pageLinks();
        return pages.stream()
                .filter(n -> n >= 1 && n <= all.size())
                .map(n -> all.get(n - 1))
                .toList();
    }

    @GET
    @Path("modules/{moduleId}/pogingen")
    public TemplateInstance history(@PathParam("moduleId") String moduleId) {
        Module module = myModule(moduleId);
        return Templates.history(
                module,
                quiz.history(user.person().id, moduleId).stream()
                        .map(QuizViews::summary)
                        .toList());
    }

    private Module myModule(String moduleId) {
        return learning.moduleOf(user, moduleId)
                .orElseThrow(NotFoundException::new)
                .module();
    }

    private QuizAttempt mine(UUID attemptId) {
        return quiz.find(user.person().id, attemptId).orElseThrow(NotFoundException::new);
    }

    private Module module(QuizAttempt attempt) {
        return content.catalog().module(attempt.moduleId).orElseThrow(NotFoundException::new);
    }
}
