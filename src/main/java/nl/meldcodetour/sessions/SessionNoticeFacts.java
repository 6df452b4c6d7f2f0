/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import nl.meldcodetour.core.web.Formats;
import nl.meldcodetour.notifications.SessionFacts;

/** What a mail about a session says of it: read from this feature's {@code tour_session} when the mail is sent. */
@ApplicationScoped
public class SessionNoticeFacts implements SessionFacts {

    @Override
    public Optional<Facts> of(long sessionId) {
        return TourSession.<TourSession>findByIdOptional(sessionId)
                .map(s -> new Facts(
                        s.title,
                        Formats.period(s.startsAt, s.endsAt),
                        "Plaats: " + (s.place != null ? s.place : s.onlineUrl)));
    }
}
