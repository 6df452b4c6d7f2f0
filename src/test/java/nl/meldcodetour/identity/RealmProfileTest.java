/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped realm must not let a user claim someone else's e-mail address (issue #28, point 1): only an
 * administrator edits the address, and the demo users' addresses are verified (else they could claim no invitation).
 */
class RealmProfileTest {

    static final ObjectMapper JSON = new ObjectMapper();

    JsonNode realm() throws Exception {
        return JSON.readTree(Path.of("docker/keycloak/meldcodetour-realm.json").toFile());
    }

    @Test
    void onlyAnAdministratorChangesAnEmailAddress() throws Exception {
        JsonNode provider = realm().path("components")
                .path("org.keycloak.userprofile.UserProfileProvider")
                .get(0);
        JsonNode profile = JSON.readTree(
                provider.path("config").path("kc.user.profile.config").get(0).asText());
        JsonNode email = null;
        for (JsonNode attribute : profile.path("attributes")) {
            if (attribute.path("name").asText().equals("email")) {
                email = attribute;
            }
        }
        assertTrue(email != null, "the user profile declares the e-mail attribute");
        List<String> edit = new ArrayList<>();
        email.path("permissions").path("edit").forEach(n -> edit.add(n.asText()));
        assertEquals(List.of("admin"), edit, "who may edit the e-mail address");
        // the gemeente claim decides which figures a gemeente user sees (docs/security.md, "Gemeente scope")
        List<String> gemeenteEdit = new ArrayList<>();
        for (JsonNode attribute : profile.path("attributes")) {
            if (attribute.path("name").asText().equals("gemeente")) {
                attribute.path("permissions").path("edit").forEach(n -> gemeenteEdit.add(n.asText()));
            }
        }
        assertEquals(List.of("admin"), gemeenteEdit, "who may edit the gemeente attribute");
        assertFalse(realm().path("registrationAllowed").asBoolean(true), "no self-registration");
        assertFalse(realm().path("duplicateEmailsAllowed").asBoolean(true), "one account per address");
    }

    @Test
    void theDemoUsersHaveVerifiedAddresses() throws Exception {
        int users = 0;
        for (JsonNode user : realm().path("users")) {
            users++;
            assertTrue(
                    user.path("emailVerified").asBoolean(false),
                    user.path("username").asText() + ": emailVerified");
        }
        assertTrue(users >= 4, "demo users: " + users);
    }
}
