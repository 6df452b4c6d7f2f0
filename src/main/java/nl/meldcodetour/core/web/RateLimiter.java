/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in memory: {@code capacity} requests at once, refilled evenly over {@code period} (a minute unless
 * said otherwise). Per instance, so with N instances the limit is N times as high (docs/security.md); the point is to
 * stop scripts, not to count exactly.
 */
@ApplicationScoped
public class RateLimiter {

    static final int MAX_KEYS = 100_000;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /**
     * tokens (scaled by 1000, so refills are exact in integers), the last refill and the period, both in nanoseconds.
     */
    private final ConcurrentHashMap<String, long[]> buckets = new ConcurrentHashMap<>();

    /** Takes one token of {@code perMinute} a minute; returns 0 when allowed, else the seconds to wait until one is available. */
    public long acquire(String key, int perMinute) {
        return acquire(key, perMinute, MINUTE);
    }

    /**
     * Takes one token of {@code capacity} per {@code period}; returns 0 when allowed, else the seconds to wait until one
     * is available.
     */
    public long acquire(String key, int capacity, Duration period) {
        long now = System.nanoTime();
        long periodNanos = period.toNanos();
        long full = capacity * 1000L;
        long[] result = new long[1];
        buckets.compute(key, (k, bucket) -> {
            if (bucket == null) {
                bucket = new long[] {full, now, periodNanos};
            }
            // tokens × 1000 per elapsed nanosecond; at most one period counts (a full bucket, and no overflow)
            long elapsed = Math.min(now - bucket[1], periodNanos);
            long refill = (long) ((double) elapsed * full / periodNanos);
            if (refill > 0) {
                bucket[0] = Math.min(full, bucket[0] + refill);
                bucket[1] = now;
            }
            if (bucket[0] >= 1000) {
                bucket[0] -= 1000;
                result[0] = 0;
            } else {
                long nanos = (long) ((double) (1000 - bucket[0]) * periodNanos / full);
                result[0] = Math.max(1, nanos / 1_000_000_000L + 1);
            }
            return bucket;
        });
        if (buckets.size() > MAX_KEYS) {
            // a bucket untouched for a whole period is full again: forgetting it changes nothing
            buckets.values().removeIf(b -> now - b[1] > b[2]);
        }
        return result[0];
    }

    /** Forgets every bucket (tests). */
    public void reset() {
        buckets.clear();
    }
}
