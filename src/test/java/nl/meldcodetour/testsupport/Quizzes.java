/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.testsupport;

import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Question;
import org.hamcrest.Matchers;

/** Passes a module's quiz through the real API, answering every drawn question right. */
public final class Quizzes {

    private Quizzes() {}

    public static ValidatableResponse pass(Tokens.TestUser user, Module module) {
        JsonPath attempt = user.given()
                .post("/api/modules/" + module.id() + "/attempts")
                .then()
                .statusCode(Matchers.oneOf(200, 201))
                .extract()
                .jsonPath();
        return user.given()
                .contentType(ContentType.JSON)
                .body(Map.of("answers", answers(attempt, module, true)))
                .post("/api/attempts/" + attempt.getString("id") + "/submission")
                .then()
                .statusCode(200)
                .body("result.passed", equalTo(true));
    }

    /**
     * The letters to send for an open attempt as the API shows it ({@code quiz.questions[].options[]} with letter and
     * text): the right ones when {@code right}, else a wrong choice per question. The test knows the key from the
     * content and finds each option by its text, as a learner who knows the answer would.
     */
    public static Map<String, List<String>> answers(JsonPath attempt, Module module, boolean right) {
        Map<String, List<String>> answers = new HashMap<>();
        List<Map<String, Object>> questions = attempt.getList("quiz.questions");
        for (Map<String, Object> shown : questions) {
            Question q = module.question((String) shown.get("id")).orElseThrow();
            Set<String> rightTexts = q.options().stream()
                    .filter(o -> q.correct().contains(o.id()))
                    .map(Question.Option::text)
                    .collect(Collectors.toSet());
            @SuppressWarnings("unchecked")
            List<Map<String, String>> options = (List<Map<String, String>>) shown.get("options");
            List<String> letters = new ArrayList<>();
            for (Map<String, String> o : options) {
                if (rightTexts.contains(o.get("text")) == right) {
                    letters.add(o.get("id"));
                    if (!right) {
                        break;
                    }
                }
            }
            answers.put(q.id(), letters);
        }
        return answers;
    }

    /** As {@link #answers(JsonPath, Module, boolean)}, for an attempt read with Jackson. */
    public static Map<String, List<String>> answers(JsonNode attempt, Module module, boolean right) {
        return answers(JsonPath.from(attempt.toString()), module, right);
    }

    private static final Pattern CHOICE = Pattern.compile(
            "name=\"q\\.([a-z0-9-]+)\" id=\"[^\"]+\" value=\"([a-z])\"[^>]*>\\s*<label for=\"[^\"]+\">([^<]*)</label>");

    /**
     * The letters to tick on a quiz page's form ({@code html}), per question id: the right ones, or one wrong one per
     * question. Options are found by their label text, as in {@link #answers(JsonPath, Module, boolean)}.
     */
    public static Map<String, List<String>> formAnswers(String html, Module module, boolean right) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        Matcher m = CHOICE.matcher(html);
        while (m.find()) {
            Question q = module.question(m.group(1)).orElseThrow();
            String text = unescape(m.group(3).strip());
            boolean isRight = q.options().stream()
                    .anyMatch(o -> o.text().equals(text) && q.correct().contains(o.id()));
            List<String> letters = answers.computeIfAbsent(q.id(), k -> new ArrayList<>());
            if (isRight == right && (right || letters.isEmpty())) {
                letters.add(m.group(2));
            }
        }
        return answers;
    }

    /** Qute's HTML escapes undone. */
    public static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** As Qute escapes text in HTML. */
    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
