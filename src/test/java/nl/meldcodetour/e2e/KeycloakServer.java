package nl.meldcodetour.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        Files.copy(Path.of("docker/keycloak/meldcodetour-realm.json"), imports.resolve("meldcodetour-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        port = freePort();
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "start-dev", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + freePort(), "--import-realm")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(Path.of("target/e2e-keycloak.log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-" + Long.toHexString(System.nanoTime()));
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
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Keycloak stopped; see target/e2e-keycloak.log");
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Keycloak was not ready within 240 s; see target/e2e-keycloak.log");
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
