package nl.meldcodetour.core.web;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Token buckets in memory: {@code perMinute} requests at once, refilled evenly over a minute. Per instance, so with N
 * instances the limit is N times as high (docs/security.md); the point is to stop scripts, not to count exactly.
 */
@ApplicationScoped
public class RateLimiter {

    static final int MAX_KEYS = 100_000;

    /** tokens (scaled by 1000, so refills are exact in integers) and the last refill in nanoseconds. */
    private final ConcurrentHashMap<String, long[]> buckets = new ConcurrentHashMap<>();

    /** Takes one token; returns 0 when allowed, else the seconds to wait until one is available. */
    public long acquire(String key, int perMinute) {
        long now = System.nanoTime();
        long capacity = perMinute * 1000L;
        long[] result = new long[1];
        buckets.compute(key, (k, bucket) -> {
            if (bucket == null) {
                bucket = new long[] { capacity, now };
            }
            long refill = (now - bucket[1]) * perMinute / 60_000_000L; // tokens × 1000 per elapsed nanosecond
            if (refill > 0) {
                bucket[0] = Math.min(capacity, bucket[0] + refill);
                bucket[1] = now;
            }
            if (bucket[0] >= 1000) {
                bucket[0] -= 1000;
                result[0] = 0;
            } else {
                result[0] = Math.max(1, (1000 - bucket[0]) * 60 / (1000L * perMinute) + 1);
            }
            return bucket;
        });
        if (buckets.size() > MAX_KEYS) {
            long idle = now - 120_000_000_000L;
            buckets.values().removeIf(b -> b[1] < idle);
        }
        return result[0];
    }

    /** Forgets every bucket (tests). */
    public void reset() {
        buckets.clear();
    }
}
