/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.testsupport.BearerPages;
import nl.meldcodetour.testsupport.Csrf;
import nl.meldcodetour.testsupport.Quizzes;
import nl.meldcodetour.testsupport.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the running application × every role × own and someone else's objects, against one table of
 * expectations ({@link #MATRIX}). The endpoints are read from the application's JAX-RS resources at run time: an
 * endpoint without a row in the table fails the test, so a new endpoint cannot escape the matrix.
 *
 * <p>Cells: {@code ok} = allowed (2xx, a 303 within the app, or 400/409 for the deliberately empty request: the request
 * got past authorization); {@code login} = anonymous is sent to log in (pages: 302 to the identity provider, API: 401);
 * {@code 403} = refused; {@code 404} = "not found", also for objects that exist but are someone else's (no id
 * guessing). {@code a|b}: {@code a} for the caller's own object, {@code b} for someone else's.
 *
 * <p>Roles: anonymous, medewerker, aandachtsfunctionaris (of organisation A), gemeente (bound to Urk by the token's
 * gemeente claim), regio (every gemeente), beheerder, trainer (of session S1), redacteur (content author: the item
 * statistics and what everyone logged in has, no learner pages). Own objects: organisation A (in Urk), session S1 (the
 * trainer's), the caller's own certificate, quiz attempt and CSV import. Someone else's: organisation B (in Almere),
 * session S2 (planned by the beheerder), another person's certificate, attempt and import.
 *
 * <p>Besides the table, {@link #gemeenteSeesNothingOfAnotherGemeente} asks every dashboard and register endpoint as
 * the gemeente user of Urk, with and without {@code gemeente=Almere}: no Almere organisation in any answer (issue
 * #32, point 4).
 */
@QuarkusTest
@TestProfile(BearerPages.class)
class AuthorizationMatrixTest {

    static final List<String> ROLES = List.of(
            "anoniem", "medewerker", "aandachtsfunctionaris", "gemeente", "regio", "beheerder", "trainer", "redacteur");

    /**
     * The table. Columns: endpoint, kind of object in its path, then one cell per role in the order of {@link #ROLES}.
     * Rows run in this order; the ones that end or deactivate something come last.
     */
    // spotless:off (a table: one row per endpoint, read across)
    static final String[][] MATRIX = {
        // endpoint, object, then: anon, medewerker, af, gemeente (of Urk), regio, beheerder, trainer, redacteur
        {"GET /", "-", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /inloggen", "-", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /routekaart", "-", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /routekaart/{gemeente}", "-", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /scan", "-", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"POST /scan", "-", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /verificatie", "-", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /verificatie/{code}", "code", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /privacy", "-", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /begrippen", "-", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        // learning
        {"GET /mijn-modules", "-", "login", "ok", "ok", "ok", "ok", "ok", "403", "403"},
        {"GET /modules/{moduleId}", "-", "login", "ok", "ok", "ok", "ok", "ok", "403", "403"},
        {"GET /modules/{moduleId}/pagina/{number}", "-", "login", "ok", "ok", "ok", "ok", "ok", "403", "403"},
        {"GET /modules/{moduleId}/pogingen", "-", "login", "ok", "ok", "ok", "ok", "ok", "403", "403"},
        {"GET /modules/{moduleId}/toets", "-", "login", "ok", "ok", "ok", "ok", "ok", "403", "403"},
        {"GET /toets/{attemptId}", "attempt", "login", "ok|404", "ok|404", "ok|404", "ok|404", "ok|404", "403", "403"},
        {"GET /toets/{attemptId}/resultaat", "attempt", "login", "ok|404", "ok|404", "ok|404", "ok|404", "ok|404", "403", "403"},
        {"GET /api/me", "-", "login", "ok", "ok", "ok", "ok", "ok", "403", "403"},
        {"GET /api/modules", "-", "login", "ok", "ok", "ok", "ok", "ok", "403", "403"},
        {"GET /api/modules/{moduleId}", "-", "login", "ok", "ok", "ok", "ok", "ok", "403", "403"},
        {"GET /api/modules/{moduleId}/pages/{number}", "-", "login", "ok", "ok", "ok", "ok", "ok", "403", "403"},
        {"GET /api/completions", "-", "login", "ok", "ok", "ok", "ok", "ok", "403", "403"},
        {"GET /api/modules/{moduleId}/attempts", "-", "login", "ok", "ok", "ok", "ok", "ok", "403", "403"},
        {"GET /api/attempts/{attemptId}", "attempt", "login", "ok|404", "ok|404", "ok|404", "ok|404", "ok|404", "403", "403"},
        // certificates
        {"GET /certificaten", "-", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /certificaten/{id}.pdf", "cert", "login", "ok|404", "ok|404", "ok|404", "ok|404", "ok|404", "404", "404"},
        {"GET /certificaten/alle.zip", "-", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /api/certificates", "-", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /api/certificates/{id}/pdf", "cert", "login", "ok|404", "ok|404", "ok|404", "ok|404", "ok|404", "404", "404"},
        {"GET /api/certificates/zip", "-", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        // my data
        {"GET /mijn-gegevens", "-", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /mijn-gegevens/download", "-", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /mijn-gegevens/e-mail", "-", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /api/me/data", "-", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /beheer/personen", "-", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"GET /beheer/personen/{id}/verwijderen", "person", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"GET /api/people", "-", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"GET /api/people/{id}/quiz-gates", "person", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"GET /api/people/{id}/gemeenten", "person", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"GET /beheer/personen/{id}/gemeenten", "person", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"PUT /api/people/{id}/gemeenten", "person", "login", "403", "403", "403", "403", "ok", "403", "403"},
        // sessions
        {"GET /bijeenkomsten", "-", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /bijeenkomsten/nieuw", "-", "login", "403", "403", "403", "403", "ok", "ok", "403"},
        {"GET /bijeenkomsten/{id}/afmelden", "session", "login", "404", "404", "404", "404", "404", "404", "404"},
        {"GET /bijeenkomsten/{id}/agenda.ics", "session", "login", "404", "404", "404", "404", "404", "404", "404"},
        {"GET /bijeenkomsten/{id}/wijzigen", "session", "login", "403", "403", "403", "403", "ok", "ok|403", "403"},
        {"GET /bijeenkomsten/{id}/afzeggen", "session", "login", "403", "403", "403", "403", "ok", "ok|403", "403"},
        {"GET /bijeenkomsten/{id}/presentie", "session", "login", "403", "403", "403", "403", "ok", "ok|403", "403"},
        {"GET /api/sessions", "-", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /api/sessions/{id}", "session", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"GET /api/sessions/{id}/calendar.ics", "session", "login", "404", "404", "404", "404", "404", "404", "404"},
        {"GET /api/sessions/{id}/attendance", "session", "login", "403", "403", "403", "403", "ok", "ok|403", "403"},
        // municipal coverage: aggregates only
        {"GET /dekking", "-", "login", "403", "403", "ok", "ok", "ok", "403", "403"},
        {"GET /dekking/export.csv", "-", "login", "403", "403", "ok", "ok", "ok", "403", "403"},
        {"GET /dekking/export.ods", "-", "login", "403", "403", "ok", "ok", "ok", "403", "403"},
        {"GET /api/coverage/coverage", "-", "login", "403", "403", "ok", "ok", "ok", "403", "403"},
        {"GET /api/coverage/trend", "-", "login", "403", "403", "ok", "ok", "ok", "403", "403"},
        {"GET /api/coverage/organisations-without-af", "-", "login", "403", "403", "ok", "ok", "ok", "403", "403"},
        {"GET /api/coverage/export.csv", "-", "login", "403", "403", "ok", "ok", "ok", "403", "403"},
        {"GET /api/coverage/export.ods", "-", "login", "403", "403", "ok", "ok", "ok", "403", "403"},
        {"GET /api/audit/coverage", "-", "login", "403", "403", "ok", "ok", "ok", "403", "403"},
        {"GET /api/audit/trend", "-", "login", "403", "403", "ok", "ok", "ok", "403", "403"},
        {"GET /api/audit/organisations-without-af", "-", "login", "403", "403", "ok", "ok", "ok", "403", "403"},
        {"GET /api/audit/export.csv", "-", "login", "403", "403", "ok", "ok", "ok", "403", "403"},
        {"GET /api/audit/export.ods", "-", "login", "403", "403", "ok", "ok", "ok", "403", "403"},
        // registry
        {"GET /register", "-", "login", "403", "ok", "ok", "ok", "ok", "403", "403"},
        {"GET /register/{id}", "org", "login", "403", "ok|404", "ok|404", "ok", "ok", "403", "403"},
        {"GET /register/nieuw", "-", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"GET /register/{id}/wijzigen", "org", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"GET /register/{id}/deactiveren", "org", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"GET /register/logboek", "-", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"GET /api/organisations", "-", "login", "403", "403", "ok", "ok", "ok", "403", "403"},
        {"GET /api/organisations/mine", "-", "login", "403", "ok", "403", "403", "403", "403", "403"},
        {"GET /api/organisations/{id}", "org", "login", "403", "ok|404", "ok|404", "ok", "ok", "403", "403"},
        {"GET /api/registry/audit-log", "-", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"GET /import/organisaties", "-", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"GET /import/medewerkers/{id}", "org", "login", "403", "ok|404", "403", "403", "ok", "403", "403"},
        {"GET /import/{importId}", "import", "login", "403", "ok|404", "403", "403", "ok|404", "403", "403"},
        {"GET /import/registers", "-", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"GET /import/registers/{importId}", "regimport", "login", "403", "403", "403", "403", "ok|404", "403", "403"},
        {"GET /api/imports/registers/{importId}", "apiregimport", "login", "403", "403", "403", "403", "ok|404", "403", "403"},
        // team (the aandachtsfunctionaris's own organisation only)
        {"GET /team", "-", "login", "403", "ok", "403", "403", "403", "403", "403"},
        {"GET /team/{id}", "org", "login", "403", "ok|404", "403", "403", "ok", "403", "403"},
        {"GET /team/{id}/team.csv", "org", "login", "403", "ok|404", "403", "403", "ok", "403", "403"},
        {"GET /api/organisations/{id}/team", "org", "login", "403", "ok|404", "403", "403", "ok", "403", "403"},
        {"GET /api/organisations/{id}/team.csv", "org", "login", "403", "ok|404", "403", "403", "ok", "403", "403"},
        {"GET /api/organisations/{id}/staff", "org", "login", "403", "ok|404", "403", "403", "ok", "403", "403"},
        // item statistics (Toetsanalyse): counts only, for the beheerder and the content authors
        {"GET /toetsanalyse", "-", "login", "403", "403", "403", "403", "ok", "403", "ok"},
        {"GET /toetsanalyse/{moduleId}", "-", "login", "403", "403", "403", "403", "ok", "403", "ok"},
        {"GET /toetsanalyse/{moduleId}/{questionId}", "-", "login", "403", "403", "403", "403", "ok", "403", "ok"},
        {"GET /toetsanalyse/{moduleId}/export.csv", "-", "login", "403", "403", "403", "403", "ok", "403", "ok"},
        {"GET /api/items/modules", "-", "login", "403", "403", "403", "403", "ok", "403", "ok"},
        {"GET /api/items/modules/{moduleId}", "-", "login", "403", "403", "403", "403", "ok", "403", "ok"},
        {"GET /api/items/modules/{moduleId}/questions/{questionId}", "-", "login", "403", "403", "403", "403", "ok", "403", "ok"},
        {"GET /api/items/modules/{moduleId}/export.csv", "-", "login", "403", "403", "403", "403", "ok", "403", "ok"},
        // changes
        {"POST /mijn-gegevens/e-mail", "-", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"POST /modules/{moduleId}/toets", "-", "login", "ok", "ok", "ok", "ok", "ok", "403", "403"},
        {"POST /toets/{attemptId}", "attempt", "login", "ok|404", "ok|404", "ok|404", "ok|404", "ok|404", "403", "403"},
        {"POST /toets/{attemptId}/concept", "attempt", "login", "ok|404", "ok|404", "ok|404", "ok|404", "ok|404", "403", "403"},
        {"POST /api/modules/{moduleId}/attempts", "-", "login", "ok", "ok", "ok", "ok", "ok", "403", "403"},
        {"POST /api/attempts/{attemptId}/submission", "attempt", "login", "ok|404", "ok|404", "ok|404", "ok|404", "ok|404", "403", "403"},
        {"PUT /api/attempts/{attemptId}/draft", "attempt", "login", "ok|404", "ok|404", "ok|404", "ok|404", "ok|404", "403", "403"},
        {"POST /beheer/personen/{id}/toetsblokkade/{moduleId}", "person", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /api/people/{id}/quiz-gates/{moduleId}/lift", "person", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /bijeenkomsten/nieuw", "-", "login", "403", "403", "403", "403", "ok", "ok", "403"},
        {"POST /api/sessions", "-", "login", "403", "403", "403", "403", "ok", "ok", "403"},
        {"POST /bijeenkomsten/{id}/aanmelden", "session", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"POST /bijeenkomsten/{id}/afmelden", "session", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"PUT /api/sessions/{id}/registration", "session", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"DELETE /api/sessions/{id}/registration", "session", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
        {"POST /bijeenkomsten/{id}/wijzigen", "session", "login", "403", "403", "403", "403", "ok", "ok|403", "403"},
        {"PUT /api/sessions/{id}", "session", "login", "403", "403", "403", "403", "ok", "ok|403", "403"},
        {"POST /bijeenkomsten/{id}/presentie", "session", "login", "403", "403", "403", "403", "ok", "ok|403", "403"},
        {"PUT /api/sessions/{id}/attendance", "session", "login", "403", "403", "403", "403", "ok", "ok|403", "403"},
        {"POST /register/nieuw", "-", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /api/organisations", "-", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /register/{id}/wijzigen", "org", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"PUT /api/organisations/{id}", "org", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /register/{id}/aandachtsfunctionarissen", "org", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /api/organisations/{id}/aandachtsfunctionarissen", "org", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /import/organisaties", "-", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /api/imports/organisations", "-", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /import/medewerkers/{id}", "org", "login", "403", "ok|404", "403", "403", "ok", "403", "403"},
        {"POST /api/organisations/{id}/staff/import", "org", "login", "403", "ok|404", "403", "403", "ok", "403", "403"},
        {"POST /import/{importId}/bevestigen", "import", "login", "403", "ok|404", "403", "403", "ok|404", "403", "403"},
        {"POST /api/imports/{importId}/confirm", "apiimport", "login", "403", "ok|404", "403", "403", "ok|404", "403", "403"},
        {"POST /import/registers", "-", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /import/registers/{importId}/bevestigen", "regimport", "login", "403", "403", "403", "403", "ok|404", "403", "403"},
        {"POST /api/imports/registers/{register}", "-", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /api/imports/registers/{importId}/confirm", "apiregimport", "login", "403", "403", "403", "403", "ok|404", "403", "403"},
        {"POST /team/{id}/collegas", "org", "login", "403", "ok|404", "403", "403", "ok", "403", "403"},
        {"POST /api/organisations/{id}/staff", "org", "login", "403", "ok|404", "403", "403", "ok", "403", "403"},
        {"POST /team/{id}/herinnering", "org", "login", "403", "ok|404", "403", "403", "ok", "403", "403"},
        {"POST /api/organisations/{id}/reminders", "org", "login", "403", "ok|404", "403", "403", "ok", "403", "403"},
        {"POST /api/organisations/{id}/staff/{employmentId}/end", "org", "login", "403", "ok|404", "403", "403", "ok", "403", "403"},
        // ending and deactivating: last
        {"POST /bijeenkomsten/{id}/afzeggen", "session", "login", "403", "403", "403", "403", "ok", "ok|403", "403"},
        {"POST /api/sessions/{id}/cancellation", "session", "login", "403", "403", "403", "403", "ok", "ok|403", "403"},
        {"POST /register/{id}/aandachtsfunctionarissen/{afId}/stoppen", "org", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /api/organisations/{id}/aandachtsfunctionarissen/{afId}/end", "org", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /register/{id}/deactiveren", "org", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /api/organisations/{id}/deactivate", "org", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /register/{id}/activeren", "org", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /api/organisations/{id}/activate", "org", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /beheer/personen/{id}/gemeenten", "person", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /beheer/personen/{id}/verwijderen", "person", "login", "403", "403", "403", "403", "ok", "403", "403"},
        {"POST /api/people/{id}/erasure", "apiperson", "login", "403", "403", "403", "403", "ok", "403", "403"},
    };
    // spotless:on

    static final String MODULE = "meldcode-in-5-stappen";
    static final String QUESTION = "m5-sinds-wanneer";

    /**
     * Request bodies where an empty one would stop at validation before the ownership check is reached (pages: form
     * fields, API: JSON). Parameters in braces are filled like the path's.
     */
    static final Map<String, String> BODIES = Map.of(
            "POST /api/attempts/{attemptId}/submission", "{\"answers\": {\"vraag\": [\"a\"]}}",
            "PUT /api/attempts/{attemptId}/draft", "{\"answers\": {}}",
            "POST /toets/{attemptId}", "q.vraag=a",
            "POST /toets/{attemptId}/concept", "q.vraag=a",
            "POST /team/{id}/herinnering", "employmentId={employmentId}&moduleId=" + "meldcode-in-5-stappen",
            "POST /api/organisations/{id}/reminders",
                    "{\"employmentId\": {employmentId}, \"moduleId\": \"meldcode-in-5-stappen\"}");

    @Inject
    ContentService content;

    /** The objects of one person or organisation: what "own" and "someone else's" resolve to. */
    record Objects(Map<String, String> params) {}

    final Map<String, Tokens.TestUser> users = new LinkedHashMap<>();
    final Map<String, Map<String, Map<String, String>>> own = new HashMap<>();
    final Map<String, Map<String, String>> other = new HashMap<>();
    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void everyEndpointForEveryRoleAsInTheTable() {
        Set<String> routes = routes().keySet();
        Set<String> inTable = new TreeSet<>();
        for (String[] row : MATRIX) {
            assertEquals(2 + ROLES.size(), row.length, "row " + row[0]);
            assertTrue(inTable.add(row[0]), "twice in the table: " + row[0]);
        }
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(inTable);
        Set<String> stale = new TreeSet<>(inTable);
        stale.removeAll(routes);
        assertEquals(Set.of(), missing, "endpoints without a row in the authorization matrix");
        assertEquals(Set.of(), stale, "rows for endpoints that no longer exist");

        fixture();
        // ids of personal records are random (UUID version 4), so they cannot be counted up or guessed
        for (String kind : List.of("cert", "attempt")) {
            String id = other.get(kind).values().iterator().next();
            assertEquals(4, UUID.fromString(id).version(), kind + " id " + id);
        }
        List<String> unexpected = new ArrayList<>();
        int requests = impostors(unexpected);
        requests += gemeenteSeesNothingOfAnotherGemeente(unexpected);
        for (String[] row : MATRIX) {
            String method = row[0].substring(0, row[0].indexOf(' '));
            String template = row[0].substring(row[0].indexOf(' ') + 1);
            for (int r = 0; r < ROLES.size(); r++) {
                String role = ROLES.get(r);
                String[] cell = row[2 + r].split("\\|");
                boolean owned = !row[1].equals("-") && !row[1].equals("code");
                List<String[]> variants = new ArrayList<>();
                if (owned && own.getOrDefault(role, Map.of()).containsKey(row[1])) {
                    variants.add(new String[] {"eigen", cell[0]});
                }
                variants.add(new String[] {owned ? "ander" : "-", cell.length > 1 ? cell[1] : cell[0]});
                for (String[] variant : variants) {
                    Map<String, String> params = defaultParams();
                    params.putAll(other.get("code"));
                    if (owned) {
                        params.putAll(variant[0].equals("eigen") ? own.get(role).get(row[1]) : other.get(row[1]));
                    }
                    String path = fill(template, params);
                    String body = BODIES.containsKey(row[0]) ? fill(BODIES.get(row[0]), params) : null;
                    Response response = request(role, method, path, consumes(method, template), body);
                    requests++;
                    String verdict = verdict(variant[1], path, response);
                    if (verdict != null) {
                        unexpected.add(String.format(
                                "%-7s %-60s %-22s %-6s expected %-5s got %s",
                                method, template, role, variant[0], variant[1], verdict));
                    }
                }
            }
        }
        System.out.printf(
                "Authorization matrix: %d endpoints × %d roles, %d requests, %d unexpected%n",
                MATRIX.length, ROLES.size(), requests, unexpected.size());
        assertEquals("", String.join("\n", unexpected), "unexpected statuses");
    }

    /**
     * The identity "e-mail changed to someone else's" (issue #28): per role with objects of its own, a new subject with
     * the same role whose token carries the address of that role's user, even marked verified by the identity
     * provider. On every row with an object it asks for the victim's objects and must get what a stranger with that
     * role gets (the "ander" cell). Runs before the main walk, while every object still exists. Returns the requests.
     */
    private int impostors(List<String> unexpected) {
        int requests = 0;
        for (String role : List.of("medewerker", "aandachtsfunctionaris", "trainer")) {
            Tokens.TestUser impostor =
                    Tokens.newUserWithEmail(users.get(role).subject() + "@example.org", true, "onderwijs", role);
            for (String[] row : MATRIX) {
                if (row[1].equals("-")
                        || row[1].equals("code")
                        || !own.getOrDefault(role, Map.of()).containsKey(row[1])) {
                    continue;
                }
                String method = row[0].substring(0, row[0].indexOf(' '));
                String template = row[0].substring(row[0].indexOf(' ') + 1);
                String[] cell = row[2 + ROLES.indexOf(role)].split("\\|");
                String expected = cell.length > 1 ? cell[1] : cell[0];
                Map<String, String> params = defaultParams();
                params.putAll(other.get("code"));
                params.putAll(own.get(role).get(row[1]));
                String path = fill(template, params);
                String body = BODIES.containsKey(row[0]) ? fill(BODIES.get(row[0]), params) : null;
                Response response = request(impostor.given(), method, path, consumes(method, template), body);
                requests++;
                String verdict = verdict(expected, path, response);
                if (verdict != null) {
                    unexpected.add(String.format(
                            "%-7s %-60s %-22s %-6s expected %-5s got %s",
                            method, template, role + " (e-mail overgenomen)", "eigen", expected, verdict));
                }
            }
        }
        return requests;
    }

    /**
     * Issue #32, point 4: the gemeente user of Urk asks every dashboard and register endpoint they may open, with
     * organisation A (Urk) where an id is asked, and finds no Almere organisation (B, and one without an
     * aandachtsfunctionaris that the dashboard would list) in any page, API answer or export. Asking for
     * {@code gemeente=Almere} is refused (403). The regio user sees the Almere organisation: the control. Returns the
     * requests.
     */
    private int gemeenteSeesNothingOfAnotherGemeente(List<String> unexpected) {
        Tokens.TestUser urk = users.get("gemeente");
        String almere = "Matrix Almere " + suffix;
        users.get("beheerder")
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", almere, "sector", "onderwijs", "gemeente", "Almere"))
                .post("/api/organisations")
                .then()
                .statusCode(201);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> users.get("regio")
                                .given()
                                .queryParam("gemeente", "Almere")
                                .get("/api/coverage/organisations-without-af")
                                .asString(),
                        body -> body.contains(almere));
        String regionLine = urk.given()
                .get("/api/coverage/coverage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("region.label");
        assertEquals("Regio Flevoland (totaal)", regionLine, "the regional line next to Urk's own figures");
        Map<String, String> params = new HashMap<>(own.get("gemeente").get("org"));
        int requests = 0;
        for (String[] row : MATRIX) {
            String template = row[0].substring(4);
            boolean scoped =
                    List.of("/dekking", "/api/coverage/", "/api/audit/", "/register", "/api/organisations").stream()
                            .anyMatch(template::startsWith);
            if (!row[0].startsWith("GET ") || !scoped || !row[2 + ROLES.indexOf("gemeente")].startsWith("ok")) {
                continue;
            }
            String path = fill(template, params);
            List<String> tables = template.endsWith("export.csv")
                    ? List.of("sectoren", "gebieden", "trend", "zonder-af")
                    : java.util.Collections.singletonList(null);
            for (String table : tables) {
                for (String asked : template.contains("{") ? List.of("") : List.of("", "Almere")) {
                    Response response = Awaitility.await()
                            .atMost(Duration.ofSeconds(60))
                            .until(
                                    () -> {
                                        RequestSpecification spec =
                                                urk.given().redirects().follow(false);
                                        if (table != null) {
                                            spec = spec.queryParam("tabel", table);
                                        }
                                        if (!asked.isEmpty()) {
                                            spec = spec.queryParam("gemeente", asked);
                                        }
                                        return spec.get(path);
                                    },
                                    r -> r.statusCode() != 202);
                    requests++;
                    String what = String.format(
                            "%-7s %-60s %-22s %-6s",
                            "GET",
                            template + (table == null ? "" : "?tabel=" + table),
                            "gemeente (Urk)",
                            asked.isEmpty() ? "eigen" : "Almere");
                    if (!asked.isEmpty()) {
                        if (response.statusCode() != 403) {
                            unexpected.add(what + " expected 403   got " + response.statusCode());
                        }
                        continue;
                    }
                    String body = text(response);
                    if (response.statusCode() != 200) {
                        unexpected.add(what + " expected 200   got " + response.statusCode());
                    } else if (body.contains("Almere") || body.contains("Matrix B " + suffix)) {
                        unexpected.add(what + " shows an organisation or figure of Almere");
                    }
                }
            }
        }
        return requests;
    }

    /** The answer as text; a spreadsheet (a zip) as the text of its entries. */
    private static String text(Response response) {
        String type = String.valueOf(response.contentType());
        if (!type.contains("opendocument")) {
            return response.asString();
        }
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.asByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Null when the response is as expected, else what came back. */
    static String verdict(String expected, String path, Response response) {
        int status = response.statusCode();
        String location = response.header("Location");
        boolean api = path.startsWith("/api/");
        boolean ok = switch (expected) {
            case "ok" ->
                status == 200
                        || status == 201
                        || status == 202
                        || status == 204
                        || status == 400
                        || status == 409
                        || (status == 303 && location != null && !location.contains("/realms/"));
            case "login" -> api ? status == 401 : status == 302 && location != null && location.contains("/realms/");
            case "403" -> status == 403;
            case "404" -> status == 404;
            default -> throw new IllegalArgumentException(expected);
        };
        return ok
                ? null
                : status
                        + (location != null ? " → " + location.replaceAll("\\?.*", "") : "")
                        + (status >= 500
                                ? " " + response.asString().replaceAll("(?s).*foutcode ([a-z0-9]+).*", "foutcode $1")
                                : "");
    }

    private Response request(String role, String method, String path, String consumes, String body) {
        return request(
                role.equals("anoniem") ? RestAssured.given() : users.get(role).given(), method, path, consumes, body);
    }

    private static Response request(RequestSpecification as, String method, String path, String consumes, String body) {
        RequestSpecification spec = as.redirects().follow(false);
        if (!method.equals("GET")) {
            if (path.startsWith("/api/")) {
                spec = consumes.contains("csv") || consumes.contains("text/plain")
                        ? spec.contentType("text/csv").body("")
                        : spec.contentType(ContentType.JSON).body(body == null ? "{}" : body);
            } else {
                spec = spec.filter(Csrf.FORM);
                if (consumes.contains("multipart")) {
                    spec = spec.multiPart("niets", "");
                } else if (body != null) {
                    for (String pair : body.split("&")) {
                        spec = spec.formParam(
                                pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                    }
                }
            }
        }
        return spec.request(method, path);
    }

    /** Path parameters that name no object of anyone's. */
    private static Map<String, String> defaultParams() {
        return new HashMap<>(Map.of(
                "gemeente",
                "noordoostpolder",
                "moduleId",
                MODULE,
                "number",
                "1",
                "questionId",
                QUESTION,
                "register",
                "lrk"));
    }

    private static String fill(String template, Map<String, String> params) {
        String path = template;
        for (var e : params.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        assertTrue(!Pattern.compile("\\{\\w+}").matcher(path).find(), "no value for a parameter in " + template);
        return path;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The routes of the running application

    private static final Map<String, String> ROUTES = new TreeMap<>();

    /** "VERB /path/{param}" of every endpoint of the application's JAX-RS resources, with the media types it consumes. */
    static Map<String, String> routes() {
        if (ROUTES.isEmpty()) {
            for (var bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root == null || !type.getName().startsWith("nl.meldcodetour.")) {
                    continue;
                }
                for (Method m : type.getMethods()) { // inherited too: an alias root reuses its parent's endpoints
                    Consumes c = m.getAnnotation(Consumes.class) != null
                            ? m.getAnnotation(Consumes.class)
                            : type.getAnnotation(Consumes.class);
                    Path sub = m.getAnnotation(Path.class);
                    String path = ("/" + root.value() + "/" + (sub == null ? "" : sub.value()))
                            .replaceAll("/+", "/")
                            .replaceAll("(.)/$", "$1")
                            .replaceAll("\\{(\\w+)(:[^}]*)?}", "{$1}");
                    for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class)) {
                        if (m.isAnnotationPresent(verb)) {
                            ROUTES.put(verb.getSimpleName() + " " + path, c == null ? "" : String.join(",", c.value()));
                        }
                    }
                }
            }
        }
        assertTrue(ROUTES.size() > 50, "found only " + ROUTES.size() + " routes: " + ROUTES.keySet());
        return ROUTES;
    }

    private static String consumes(String method, String template) {
        return routes().getOrDefault(method + " " + template, "");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The fixture: two organisations, a person per role, their certificates, attempts, sessions and imports

    private void fixture() {
        for (String role : ROLES.subList(1, ROLES.size())) {
            users.put(role, Tokens.newUser("onderwijs", role));
        }
        users.put("gemeente", Tokens.newGemeenteUser("Urk"));
        Tokens.TestUser beheerder = users.get("beheerder");
        Tokens.TestUser af = users.get("aandachtsfunctionaris");
        Tokens.TestUser stranger = Tokens.newUser("onderwijs", "medewerker");
        Tokens.TestUser otherAf = Tokens.newUser("onderwijs", "aandachtsfunctionaris");
        Tokens.TestUser otherBeheerder = Tokens.newUser(null, "beheerder");
        Tokens.TestUser erasable = Tokens.newUser("onderwijs", "medewerker");
        Tokens.TestUser erasableToo = Tokens.newUser("onderwijs", "medewerker");
        other.put("person", Map.of("id", String.valueOf(personId(erasable))));
        other.put("apiperson", Map.of("id", String.valueOf(personId(erasableToo))));
        long orgA = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Matrix A " + suffix, "sector", "onderwijs", "gemeente", "Urk"))
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long orgB = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Matrix B " + suffix, "sector", "onderwijs", "gemeente", "Almere"))
                .post("/api/organisations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long afA = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "AF A", "email", af.subject() + "@example.org"))
                .post("/api/organisations/" + orgA + "/aandachtsfunctionarissen")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long afB = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "AF B", "email", otherAf.subject() + "@example.org"))
                .post("/api/organisations/" + orgB + "/aandachtsfunctionarissen")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long employmentA = af.given()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Mia Medewerker",
                        "email",
                        users.get("medewerker").subject() + "@example.org",
                        "functionId",
                        "leerkracht"))
                .post("/api/organisations/" + orgA + "/staff")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long employmentB = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Olaf Onbekend",
                        "email",
                        stranger.subject() + "@example.org",
                        "functionId",
                        "leerkracht"))
                .post("/api/organisations/" + orgB + "/staff")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Map<String, String> orgOwn = Map.of(
                "id", String.valueOf(orgA), "afId", String.valueOf(afA), "employmentId", String.valueOf(employmentA));
        other.put(
                "org",
                Map.of(
                        "id",
                        String.valueOf(orgB),
                        "afId",
                        String.valueOf(afB),
                        "employmentId",
                        String.valueOf(employmentB)));

        var module = content.catalog().module(MODULE).orElseThrow();
        for (String role : List.of("medewerker", "aandachtsfunctionaris", "gemeente", "regio", "beheerder")) {
            own.computeIfAbsent(role, k -> new HashMap<>()).putAll(objectsOf(users.get(role), module));
        }
        Map<String, Map<String, String>> strangers = objectsOf(stranger, module);
        other.put("cert", strangers.get("cert"));
        other.put("attempt", strangers.get("attempt"));
        other.put("code", strangers.get("code"));
        for (String role : ROLES.subList(1, ROLES.size())) {
            own.computeIfAbsent(role, k -> new HashMap<>()).put("org", orgOwn);
        }

        LocalDateTime start = LocalDateTime.now()
                .plusDays(30)
                .withHour(13)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        Map<String, Object> session = new HashMap<>(Map.of(
                "title",
                "Matrix " + suffix,
                "sectors",
                List.of("onderwijs"),
                "modules",
                List.of(MODULE),
                "startsAt",
                start.toString(),
                "endsAt",
                start.plusHours(2).toString(),
                "place",
                "Urk",
                "capacity",
                20,
                "trainer",
                "Trainer Test"));
        long s1 = users.get("trainer")
                .given()
                .contentType(ContentType.JSON)
                .body(session)
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long s2 = beheerder
                .given()
                .contentType(ContentType.JSON)
                .body(session)
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        for (String role : ROLES.subList(1, ROLES.size())) {
            own.get(role).put("session", Map.of("id", String.valueOf(s1)));
        }
        other.put("session", Map.of("id", String.valueOf(s2)));

        String orgCsv = "naam;sector;gemeente;postcode\nMatrix C " + suffix + ";onderwijs;Urk;8321\n";
        own.get("beheerder")
                .put(
                        "import",
                        Map.of(
                                "importId",
                                beheerder
                                        .given()
                                        .contentType("text/csv")
                                        .body(orgCsv)
                                        .post("/api/imports/organisations")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .jsonPath()
                                        .getString("id")));
        String staffCsv = "Naam;E-mailadres;Functie;Startdatum\nPiet Puk;piet-" + suffix + "@example.org;leerkracht;\n";
        own.get("aandachtsfunctionaris")
                .put(
                        "import",
                        Map.of(
                                "importId",
                                af.given()
                                        .contentType("text/csv")
                                        .body(staffCsv)
                                        .post("/api/organisations/" + orgA + "/staff/import")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .jsonPath()
                                        .getString("id")));
        other.put(
                "import",
                Map.of(
                        "importId",
                        otherBeheerder
                                .given()
                                .contentType("text/csv")
                                .body(orgCsv)
                                .post("/api/imports/organisations")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getString("id")));
        own.get("beheerder").put("regimport", Map.of("importId", registerImport(beheerder, suffix)));
        other.put("regimport", Map.of("importId", registerImport(otherBeheerder, suffix)));
        own.get("beheerder").put("apiregimport", Map.of("importId", registerImport(beheerder, suffix)));
        other.put("apiregimport", Map.of("importId", registerImport(otherBeheerder, suffix)));
        // a second set for the API's confirm (the page's confirm uses up the first)
        own.get("beheerder")
                .put(
                        "apiimport",
                        Map.of(
                                "importId",
                                beheerder
                                        .given()
                                        .contentType("text/csv")
                                        .body(orgCsv)
                                        .post("/api/imports/organisations")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .jsonPath()
                                        .getString("id")));
        own.get("aandachtsfunctionaris")
                .put(
                        "apiimport",
                        Map.of(
                                "importId",
                                af.given()
                                        .contentType("text/csv")
                                        .body(staffCsv)
                                        .post("/api/organisations/" + orgA + "/staff/import")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .jsonPath()
                                        .getString("id")));
        other.put(
                "apiimport",
                Map.of(
                        "importId",
                        otherBeheerder
                                .given()
                                .contentType("text/csv")
                                .body(orgCsv)
                                .post("/api/imports/organisations")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getString("id")));
    }

    /** A register import's preview by this beheerder (a one-row DUO (v)so file, a kind no other test reads). */
    private static String registerImport(Tokens.TestUser beheerder, String suffix) {
        String file = "VESTIGINGSCODE;VESTIGINGSNAAM;GEMEENTENAAM\r\nMX"
                + suffix.substring(0, 2).toUpperCase() + "00;SO Matrix " + suffix + ";URK\r\n";
        return beheerder
                .given()
                .contentType("text/csv")
                .body(file)
                .post("/api/imports/registers/duo-so")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("id");
    }

    @Inject
    EntityManager em;

    private long personId(Tokens.TestUser user) {
        user.given().get("/api/me").then().statusCode(200);
        return ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery("SELECT id FROM person WHERE subject = ?1")
                                .setParameter(1, user.subject())
                                .getSingleResult()))
                .longValue();
    }

    /** Passes the module for this person: their certificate (id and verification code) and quiz attempt. */
    private static Map<String, Map<String, String>> objectsOf(Tokens.TestUser user, Module module) {
        Quizzes.pass(user, module);
        var certificate = user.given()
                .get("/api/certificates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String attempt = user.given()
                .get("/api/modules/" + module.id() + "/attempts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("[0].attemptId");
        return Map.of(
                "cert",
                Map.of("id", certificate.getString("[0].id")),
                "attempt",
                Map.of("attemptId", attempt),
                "code",
                Map.of("code", certificate.getString("[0].verificationCode")));
    }
}
