/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server from the Debian packages ({@code postgresql}, installed by .ci/run) in a temporary directory:
 * for tests that need {@code pg_dump}/{@code pg_restore} or must stop and start the server, which the embedded server
 * from Maven cannot offer. As root it runs as the {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class LocalPostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean root = "root".equals(System.getProperty("user.name"));

    public LocalPostgres() throws IOException, InterruptedException {
        this.bin = binaries();
        this.dir = Files.createTempDirectory("mct-pg");
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        if (root) {
            run(List.of("chown", "postgres", dir.toString()));
        }
        run(asPostgres(
                bin.resolve("initdb").toString(),
                "-D",
                data(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync"));
        start();
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void start() throws IOException, InterruptedException {
        run(asPostgres(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data(),
                "-w",
                "-l",
                dir.resolve("log").toString(),
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"));
    }

    /** A fast shutdown: open connections are ended, new ones refused. */
    public void stop() throws IOException, InterruptedException {
        run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "stop"));
    }

    /** Runs one of the PostgreSQL client programs (pg_dump, pg_restore...) against this server. */
    public void client(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                bin.resolve(program).toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres"));
        command.addAll(List.of(args));
        run(asPostgres(command.toArray(String[]::new)));
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        try {
            new ProcessBuilder(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "stop"))
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private static Path binaries() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        assertTrue(
                Files.isDirectory(lib),
                "PostgreSQL server binaries are missing: apt-get install -y postgresql (see .ci/run)");
        try (var versions = Files.list(lib)) {
            return versions.map(p -> p.resolve("bin"))
                    .filter(p -> Files.isExecutable(p.resolve("pg_dump")))
                    .max(Comparator.comparing(
                            p -> Integer.parseInt(p.getParent().getFileName().toString())))
                    .orElseThrow(() ->
                            new AssertionError("no pg_dump under /usr/lib/postgresql: apt-get install -y postgresql"));
        }
    }

    private List<String> asPostgres(String... command) {
        List<String> cmd = new ArrayList<>();
        if (root) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        return cmd;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
    }
}
