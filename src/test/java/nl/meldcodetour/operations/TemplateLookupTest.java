/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Results;
import io.quarkus.qute.ValueResolver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The learner pages render without slow template lookups. Qute remembers, per expression, which value resolver found
 * its value; when that resolver does not apply the next time, it tries all ~100 resolvers of the application one by
 * one. That happens for a name from outside a loop used inside it ({@code overview.module.id} inside
 * {@code {#for p in ...}}: first looked up, and not found, on the loop element): one such expression in the module
 * page's list of six pages cost 9 % of the page's throughput (docs/benchmarks.md, Decisions: Template lookup).
 * <p>
 * A resolver with the highest priority that never applies is asked first in every such search, and only then: it
 * counts them. After one warm-up request (the first evaluation of every expression searches) the pages must need none.
 */
@QuarkusTest
class TemplateLookupTest {

    /** Records the searches while {@link #recording} is on; otherwise it only says no. */
    @ApplicationScoped
    static class SearchCounter {

        static volatile boolean recording;
        static final List<String> searches = new CopyOnWriteArrayList<>();

        void register(@Observes EngineBuilder builder) {
            builder.addValueResolver(new ValueResolver() {
                @Override
                public int getPriority() {
                    return Integer.MAX_VALUE;
                }

                @Override
                public boolean appliesTo(EvalContext context) {
                    if (recording) {
                        Object base = context.getBase();
                        searches.add(context.getName() + " on "
                                + (base == null ? "null" : base.getClass().getName()));
                    }
                    return false;
                }

                @Override
                public CompletionStage<Object> resolve(EvalContext context) {
                    return Results.notFound(context);
                }
            });
        }
    }

    List<String> searches(String path) {
        given().get(path).then().statusCode(200);
        SearchCounter.searches.clear();
        SearchCounter.recording = true;
        try {
            given().get(path).then().statusCode(200);
        } finally {
            SearchCounter.recording = false;
        }
        return List.copyOf(SearchCounter.searches);
    }

    @Test
    @TestSecurity(user = "lookup-learner", roles = "medewerker")
    @OidcSecurity(
            claims = {
                @Claim(key = "email", value = "lookup-learner@example.org"),
                @Claim(key = "sector", value = "onderwijs")
            })
    void learnerPagesFindEveryValueWithTheResolverThatFoundItBefore() {
        assertEquals(List.of(), searches("/mijn-modules"), "Mijn modules");
        assertEquals(List.of(), searches("/modules/" + StatementCountTest.MODULE), "module page");
        assertEquals(List.of(), searches("/modules/" + StatementCountTest.MODULE + "/pagina/2"), "module page 2");
    }
}
