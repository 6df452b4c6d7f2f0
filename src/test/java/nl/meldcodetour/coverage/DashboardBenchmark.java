/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.coverage;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the dashboard's response times against a running application (see bench/dashboard.sh and
 * docs/benchmarks.md). Logs in through the dev-mode OIDC server's login form as the "gemeente" user, then requests
 * each scenario {@code -Drequests} times from {@code -Dconcurrency} threads, {@code -Druns} times, after a warm-up, and
 * prints p50/p95/p99/max per run plus min/median/max of the p95 over the runs. Every response must be 200.
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("baseUrl", "http://localhost:8080");
        int requests = Integer.getInteger("requests", 200);
        int concurrency = Integer.getInteger("concurrency", 4);
        int runs = Integer.getInteger("runs", 3);
        String gemeente = System.getProperty("gemeente", "Gemeente 001");
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        login(client, base, "regio");

        Map<String, String> scenarios = new LinkedHashMap<>();
        scenarios.put("Main page (today, no filters)", "/dekking");
        scenarios.put("Sector filter", "/dekking?sector=onderwijs");
        scenarios.put("Module filter", "/dekking?module=kindermishandeling");
        scenarios.put("Gemeente (per wijk)", "/dekking?gemeente=" + enc(gemeente));
        scenarios.put("Gemeente + wijk", "/dekking?gemeente=" + enc(gemeente) + "&wijk=" + enc("Wijk 3"));
        scenarios.put("National, per postcode", "/dekking?indeling=postcode");
        scenarios.put(
                "Quarter end in the past",
                "/dekking?peildatum="
                        + CoverageRefresher.quarterEnds(LocalDate.now(ZoneId.of("Europe/Amsterdam")))
                                .get(7));

        // a date nobody asked for yet: the first request computes it for every organisation
        String asked = "/dekking?peildatum=" + System.getProperty("askedDate", "2025-02-11");
        long t0 = System.nanoTime();
        int status = get(client, base + asked).statusCode();
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        int polls = 0;
        while (status == 202 && polls++ < 600) {
            Thread.sleep(1000); // a benchmark: polls once a second and reports how long the figures took
            status = get(client, base + asked).statusCode();
        }
        System.out.printf(
                "New reference date (%s): first answer in %d ms; figures ready after %d s (status %d)%n%n",
                asked, firstMs, (System.nanoTime() - t0) / 1_000_000_000L, status);
        scenarios.put("That date again (materialised)", asked);

        System.out.printf("| Scenario | run | p50 ms | p95 ms | p99 ms | max ms |%n|---|---|---|---|---|---|%n");
        Map<String, double[]> p95s = new LinkedHashMap<>();
        for (var s : scenarios.entrySet()) {
            for (int i = 0; i < 20; i++) {
                check(get(client, base + s.getValue()), s.getValue());
            }
            double[] p95 = new double[runs];
            for (int run = 0; run < runs; run++) {
                double[] ms = measure(client, base + s.getValue(), requests, concurrency);
                p95[run] = pct(ms, 95);
                System.out.printf(
                        "| %s | %d | %.0f | %.0f | %.0f | %.0f |%n",
                        s.getKey(), run + 1, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1]);
            }
            p95s.put(s.getKey(), p95);
        }
        System.out.printf("%n| Scenario | p95 min | p95 median | p95 max |%n|---|---|---|---|%n");
        for (var e : p95s.entrySet()) {
            double[] v = e.getValue().clone();
            Arrays.sort(v);
            System.out.printf("| %s | %.0f | %.0f | %.0f |%n", e.getKey(), v[0], v[v.length / 2], v[v.length - 1]);
        }
        System.exit(0);
    }

    static double[] measure(HttpClient client, String url, int requests, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Double>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                results.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    check(get(client, url), url);
                    return (System.nanoTime() - t) / 1e6;
                }));
            }
            double[] ms = new double[requests];
            for (int i = 0; i < requests; i++) {
                ms[i] = results.get(i).get();
            }
            Arrays.sort(ms);
            return ms;
        } finally {
            pool.shutdown();
        }
    }

    static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static void check(HttpResponse<String> r, String url) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
    }

    static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(120))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The code flow through the dev OIDC server's login form ("custom" user with the given role). */
    static void login(HttpClient client, String base, String role) throws Exception {
        HttpResponse<String> r = get(client, base + "/dekking");
        String authorize =
                r.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("no login redirect"));
        HttpResponse<String> form = get(client, authorize);
        URI auth = URI.create(authorize);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type='hidden' name='([^']+)' value='([^']*)'>")
                .matcher(form.body());
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2));
        }
        fields.put("name", role);
        fields.put("roles", role);
        StringBuilder body = new StringBuilder();
        for (var e : fields.entrySet()) {
            body.append(body.isEmpty() ? "" : "&")
                    .append(enc(e.getKey()))
                    .append('=')
                    .append(enc(e.getValue()));
        }
        HttpResponse<String> posted = client.send(
                HttpRequest.newBuilder(auth.resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String next = posted.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("login refused: " + posted.body()));
        for (int i = 0; i < 5 && next != null; i++) {
            HttpResponse<String> step =
                    get(client, URI.create(base).resolve(next).toString());
            next = step.headers().firstValue("Location").orElse(null);
            if (step.statusCode() == 200) {
                return;
            }
        }
        check(get(client, base + "/dekking"), "/dekking after login");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
