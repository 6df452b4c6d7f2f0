/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import nl.meldcodetour.core.time.ClockProducer;

/**
 * A clock the test moves, in the application's zone: time passes only through {@link #advance(Duration)} and {@link #setTo(Instant)}. Safe to
 * read from the server's threads while the test moves it. In a {@code @QuarkusTest} install it for one test with
 * {@code QuarkusMock.installMockForType(clock, Clock.class)}.
 */
public final class TestClock extends Clock {

    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    /** Starting at the real time now. */
    public static TestClock now() {
        return new TestClock(Instant.now());
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void setTo(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ClockProducer.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
