/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.testsupport;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The same request sent several times at the same moment, as a double click or two tabs would. */
public final class AtOnce {

    private AtOnce() {}

    /** Sends {@code request} {@code n} times at once; returns the status codes, sorted. */
    public static List<Integer> statuses(int n, Callable<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return request.call().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            Collections.sort(statuses);
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    /** What {@link #statuses} returns when one request got {@code first} and the other {@code n - 1} got {@code rest}. */
    public static List<Integer> oneThen(int first, int rest, int n) {
        List<Integer> expected = new ArrayList<>(Collections.nCopies(n - 1, rest));
        expected.add(first);
        Collections.sort(expected);
        return expected;
    }
}
