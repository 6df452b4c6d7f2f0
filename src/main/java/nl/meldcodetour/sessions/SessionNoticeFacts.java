/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import nl.meldcodetour.core.db.SqlRow;
import nl.meldcodetour.core.web.Formats;
import nl.meldcodetour.notifications.SessionFacts;

/** What a mail about a session says of it: read from this feature's {@code tour_session} when the mail is sent. */
@ApplicationScoped
public class SessionNoticeFacts implements SessionFacts {

    @Inject
    EntityManager em;

    @Override
    public Optional<Facts> of(long sessionId) {
        return SqlRow.first(
                em.createNativeQuery("""
                SELECT title, starts_at, ends_at, coalesce(place, online_url) FROM tour_session WHERE id = ?1""").setParameter(1, sessionId),
                r -> new Facts(r.string(0), Formats.period(r.instant(1), r.instant(2)), "Plaats: " + r.string(3)));
    }
}
