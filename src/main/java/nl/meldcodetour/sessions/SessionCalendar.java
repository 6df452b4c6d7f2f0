/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import nl.meldcodetour.core.Download;
import nl.meldcodetour.core.MissingException;
import nl.meldcodetour.core.config.MeldcodetourConfig;

/** A session as a calendar entry (.ics), for the page and the API alike: only for who is registered. */
@ApplicationScoped
public class SessionCalendar {

    @Inject
    SessionService sessions;

    @Inject
    MeldcodetourConfig config;

    /** The entry for a person registered for the session; for anyone else the session does not exist. */
    public Download entry(long sessionId, long personId) {
        SessionService.SessionView s = sessions.session(sessionId, personId);
        if (!"registered".equals(s.mine())) {
            throw new MissingException();
        }
        String base = config.publicUrl().replaceAll("/+$", "");
        String host = URI.create(base).getHost();
        String event = Ics.event(
                s, host == null ? "meldcodetour" : host, base + "/bijeenkomsten#bijeenkomst-" + s.id(), Instant.now());
        return Download.text("bijeenkomst-" + s.id() + ".ics", "text/calendar; charset=UTF-8", event);
    }
}
