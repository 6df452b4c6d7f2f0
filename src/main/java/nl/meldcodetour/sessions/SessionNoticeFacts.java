package nl.meldcodetour.sessions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import nl.meldcodetour.core.web.Formats;
import nl.meldcodetour.notifications.SessionFacts;

/** What a mail about a session says of it: read from this feature's {@code tour_session} when the mail is sent. */
@ApplicationScoped
public class SessionNoticeFacts implements SessionFacts {

    @Inject
    EntityManager em;

    @Override
    public Optional<Facts> of(long sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT title, starts_at, ends_at, coalesce(place, online_url) FROM tour_session WHERE id = ?1""")
                .setParameter(1, sessionId).getResultList();
        return rows.stream().findFirst().map(r -> new Facts((String) r[0], Formats.period(instant(r[1]), instant(r[2])), "Plaats: " + r[3]));
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }
}
