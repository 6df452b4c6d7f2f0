/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak for the end-to-end tests: the distribution from Maven Central (unpacked into target/keycloak by
 * the build), started in dev mode on a free port with the realm of docker/keycloak imported, exactly as
 * scripts/run-keycloak.sh does. Its own data (H2) is thrown away before each start.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "meldcodetour";
    static final String CLIENT_SECRET = "e2e-client-secret-" + Long.toHexString(System.nanoTime());

    private final Path home;
    private final int port;
    private final Process process;
    private final String adminPassword = "admin-" + Long.toHexString(System.nanoTime());
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    KeycloakServer(String appPublicUrl) throws IOException, InterruptedException {
        home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.7.3"));
        Path script = home.resolve("bin/kc.sh");
        if (!Files.exists(script)) {
            throw new AssertionError("No Keycloak in " + home + ": run the tests with ./mvnw verify (it unpacks "
                    + "org.keycloak:keycloak-quarkus-dist into target/keycloak)");
        }
        script.toFile().setExecutable(true);
        deleteTree(home.resolve("data"));
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(
                Path.of("docker/keycloak/meldcodetour-realm.json"),
                imports.resolve("meldcodetour-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        port = freePort();
        ProcessBuilder pb = new ProcessBuilder(
                        script.toString(),
                        "start-dev",
                        "--http-host=127.0.0.1",
                        "--http-port=" + port,
                        "--http-management-port=" + freePort(),
                        "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(
                        Path.of("target/e2e-keycloak.log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.put("MELDCODETOUR_PUBLIC_URL", appPublicUrl);
        env.put("MELDCODETOUR_CLIENT_SECRET", CLIENT_SECRET);
        env.put("MELDCODETOUR_DEMO_PASSWORD", JourneysIT.PASSWORD);
        process = pb.start();
        waitUntilReady();
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    private void waitUntilReady() throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Keycloak stopped; see target/e2e-keycloak.log");
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500); // poll interval of a loop with a deadline
        }
        throw new AssertionError("Keycloak was not ready within 240 s; see target/e2e-keycloak.log");
    }

    // --- the admin REST API, for journeys that change the realm or end a session ---

    /** Sets the realm's access (and ID) token lifespan; new tokens get it, tokens already issued keep theirs. */
    void accessTokenLifespan(int seconds) throws IOException, InterruptedException {
        admin("PUT", "", "{\"accessTokenLifespan\": " + seconds + "}");
    }

    /** Ends every session of the user at Keycloak, as an administrator or the idle timeout would: refresh tokens stop working. */
    void logout(String username) throws IOException, InterruptedException {
        admin("POST", "/users/" + userId(username) + "/logout", null);
    }

    /** When Keycloak last issued or refreshed tokens in one of the user's sessions (epoch milliseconds), 0 without a session. */
    long lastSessionAccess(String username) throws IOException, InterruptedException {
        long last = 0;
        for (var session : JSON.readTree(admin("GET", "/users/" + userId(username) + "/sessions", null))) {
            last = Math.max(last, session.path("lastAccess").asLong());
        }
        return last;
    }

    private String userId(String username) throws IOException, InterruptedException {
        var users = JSON.readTree(admin("GET", "/users?exact=true&username=" + username, null));
        if (users.size() != 1) {
            throw new AssertionError("no single user " + username + " in the realm: " + users);
        }
        return users.get(0).path("id").asText();
    }

    private String admin(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=password&client_id=admin-cli&username=admin&password="
                                        + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new AssertionError("no admin token from Keycloak: " + token.statusCode() + " " + token.body());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/admin/realms/" + REALM + path))
                .header(
                        "Authorization",
                        "Bearer "
                                + JSON.readTree(token.body())
                                        .path("access_token")
                                        .asText())
                .timeout(Duration.ofSeconds(30));
        request = json == null
                ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(
                    "Keycloak admin " + method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        // kc.sh starts a java process: stop it and everything below it
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
