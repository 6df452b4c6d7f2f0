/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import nl.meldcodetour.core.web.DisplayName;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The logged-in person. On first use in a request the identity (subject, name, e-mail and whether it is verified, and
 * sector/organisation when the identity provider sends them) is mirrored into the local {@code person} table with one
 * upsert.
 * <p>
 * The subject is the identity; the e-mail address is only contact data. Whenever the stored person is written and
 * the token says the address is verified, a {@link VerifiedEmail} event lets the features bind the invitations for that
 * address (jobs, aandachtsfunctionaris roles, sessions to train) to this person. A changed address is audit-logged
 * and binds nothing that is already bound: the rows stay with the subject they were bound to.
 */
@RequestScoped
public class CurrentUser implements DisplayName {

    private static final Logger LOG = Logger.getLogger(CurrentUser.class);

    /** Roles known to Meldcodetour, as they appear in the role claim. */
    public static final String MEDEWERKER = "medewerker";

    public static final String AANDACHTSFUNCTIONARIS = "aandachtsfunctionaris";
    public static final String GEMEENTE = "gemeente";
    public static final String BEHEERDER = "beheerder";
    public static final String REGIO = "regio";
    public static final Set<String> ROLES =
            Set.of(MEDEWERKER, AANDACHTSFUNCTIONARIS, GEMEENTE, REGIO, BEHEERDER, "trainer");

    private static final String UPSERT = """
            INSERT INTO person (subject, display_name, email, email_verified, sector, organisation, created_at, last_seen_at)
            VALUES (:subject, :name, :email, :verified, :sector, :organisation, now(), now())
            ON CONFLICT (subject) DO UPDATE SET
                display_name = EXCLUDED.display_name,
                email = EXCLUDED.email,
                email_verified = EXCLUDED.email_verified,
                sector = COALESCE(EXCLUDED.sector, person.sector),
                organisation = COALESCE(EXCLUDED.organisation, person.organisation),
                last_seen_at = now()
            WHERE person.display_name IS DISTINCT FROM EXCLUDED.display_name
               OR person.email IS DISTINCT FROM EXCLUDED.email
               OR person.email_verified IS DISTINCT FROM EXCLUDED.email_verified
               OR (EXCLUDED.sector IS NOT NULL AND person.sector IS DISTINCT FROM EXCLUDED.sector)
               OR (EXCLUDED.organisation IS NOT NULL AND person.organisation IS DISTINCT FROM EXCLUDED.organisation)
               OR person.last_seen_at < now() - interval '1 hour'
            RETURNING id
            """;

    private static final String READ = """
            SELECT id, subject, display_name, email, email_verified, sector, organisation, mail_opt_out, created_at, last_seen_at
            FROM person WHERE subject = ?""";

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    ContentService content;

    /**
     * Mapped once at startup: injecting it per request is a lookup, not a {@code @ConfigProperty}'s per-key conversion
     * (docs/benchmarks.md, Decisions: Configuration read once).
     */
    @Inject
    MeldcodetourConfig config;

    @Inject
    AuditLog audit;

    @Inject
    Event<VerifiedEmail> verifiedEmail;

    private Person person;

    private Claims claims;

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /**
     * The mirrored person record; only call for an authenticated request. Reading needs no transaction (most page
     * views); the rare write (a new person, a changed name, the hourly last-seen stamp) joins or starts one.
     */
    public Person person() {
        if (person == null) {
            person = mirror();
        }
        return person;
    }

    /**
     * Offers a person row that the caller read together with its own data in one statement ({@code null} when the
     * statement found none; columns as in {@link #personFrom}). When the row is the current person and needs no write
     * (the common case: every page view) it becomes this request's person and the answer is true. Otherwise the answer
     * is false and the caller must use {@link #person()}, which writes, and read its data again.
     */
    public boolean adopt(Person read) {
        if (person == null && read != null && isCurrent(read, claims())) {
            person = read;
        }
        return person != null && person == read;
    }

    /** Whether this request's person has been read already (then {@link #person()} costs nothing). */
    public boolean hasPerson() {
        return person != null;
    }

    /** The name from the identity: the {@code name} claim, else {@code preferred_username}, else the principal's name. */
    @Override
    public String displayName() {
        return claims().name();
    }

    /** The subject under which the logged-in person is stored ({@code person.subject}). */
    public String subject() {
        return claims().subject();
    }

    /** What the identity says about the person, trimmed to what the {@code person} table holds. */
    private record Claims(
            String subject,
            String name,
            String email,
            boolean emailVerified,
            Optional<String> sector,
            String organisation,
            List<String> gemeenten) {}

    private Claims claims() {
        if (claims == null) {
            if (identity.isAnonymous()) {
                throw new IllegalStateException("no person for an anonymous request");
            }
            // A token from the cache of verified tokens carries a slot for what is derived from its claims: filled by
            // the first request with this token, read by the following ones.
            if (identity.getAttribute(VerifiedTokenCache.DERIVED_CLAIMS_ATTRIBUTE) instanceof AtomicReference<?> slot) {
                if (slot.get() instanceof Claims known) {
                    claims = known;
                } else {
                    claims = readClaims();
                    @SuppressWarnings("unchecked")
                    AtomicReference<Object> fill = (AtomicReference<Object>) slot;
                    fill.compareAndSet(null, claims);
                }
            } else {
                claims = readClaims();
            }
        }
        return claims;
    }

    /** The claims as the identity carries them, trimmed, with an unknown sector left out. */
    private Claims readClaims() {
        String subject = claim("sub").orElse(identity.getPrincipal().getName());
        String name = claim("name")
                .or(() -> claim("preferred_username"))
                .orElse(identity.getPrincipal().getName());
        String sectorClaim = config.oidc().sectorClaim();
        Optional<String> sector = claim(sectorClaim).filter(s -> {
            boolean known = content.catalog().sector(s).isPresent();
            if (!known) {
                LOG.warnf(
                        "Ignoring unknown sector '%s' in the '%s' claim",
                        s, sectorClaim); // not whose: no subjects in logs
            }
            return known;
        });
        String email = claim("email").map(e -> truncate(e, 320)).orElse(null);
        // Keycloak sends a JSON boolean; some providers send the string "true". Anything else is unverified.
        boolean verified =
                email != null && claim("email_verified").filter("true"::equals).isPresent();
        return new Claims(
                truncate(subject, 255),
                truncate(name, 200),
                email,
                verified,
                sector,
                claim(config.oidc().organisationClaim())
                        .map(o -> truncate(o, 200))
                        .orElse(null),
                claims(config.oidc().gemeenteClaim()));
    }

    /**
     * The gemeenten in the token's gemeente claim (a string or an array of strings), as sent: {@link GemeenteScopes}
     * keeps those of the installation.
     */
    public List<String> gemeenteClaim() {
        return claims().gemeenten();
    }

    /** The stored person is up to date with the identity and was seen within the hour: nothing to write. */
    private static boolean isCurrent(Person known, Claims c) {
        return known.subject.equals(c.subject())
                && Objects.equals(known.displayName, c.name())
                && Objects.equals(known.email, c.email())
                && known.emailVerified == c.emailVerified()
                && (c.sector().isEmpty() || c.sector().get().equals(known.sector))
                && (c.organisation() == null || c.organisation().equals(known.organisation))
                && known.lastSeenAt != null
                && known.lastSeenAt.isAfter(Instant.now().minus(Duration.ofHours(1)));
    }

    private Person mirror() {
        Claims c = claims();
        String subject = c.subject();
        String name = c.name();
        Optional<String> sector = c.sector();
        String email = c.email();
        String organisation = c.organisation();
        // The common case, every page view: the person exists, nothing changed, seen within the hour. One read and
        // no write (an upsert would lock and rewrite the row on every request).
        Person known = read(subject);
        if (known != null && isCurrent(known, c)) {
            return known;
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            @SuppressWarnings("unchecked")
            var ids = (List<Long>) em.createNativeQuery(UPSERT, Long.class)
                    .setParameter("subject", subject)
                    .setParameter("name", name)
                    .setParameter("email", email)
                    .setParameter("verified", c.emailVerified())
                    .setParameter("sector", sector.orElse(null))
                    .setParameter("organisation", organisation)
                    .getResultList();
            Long id = !ids.isEmpty() ? ids.get(0) : known != null ? known.id : null;
            if (id == null) {
                return em.createQuery("from Person where subject = :subject", Person.class)
                        .setParameter("subject", subject)
                        .getSingleResult();
            }
            Person current = em.find(Person.class, id);
            em.refresh(current); // the request's session may hold it from before the upsert: read it again
            if (known != null && known.email != null && !known.email.equalsIgnoreCase(String.valueOf(email))) {
                // not silent: what this person is bound to stays bound to the subject, and the beheerder sees the
                // change
                audit.record(
                        subject,
                        "EMAIL_CHANGED",
                        "person",
                        id,
                        "e-mailadres gewijzigd van " + known.email + " naar "
                                + (email == null ? "(geen)" : email)
                                + (c.emailVerified() ? " (geverifieerd)" : " (niet geverifieerd)")
                                + "; koppelingen blijven bij dit account");
            }
            if (current.emailVerified && current.email != null) {
                verifiedEmail.fire(new VerifiedEmail(id, subject, current.email));
            }
            return current;
        });
    }

    /**
     * The person with this subject, or null; a plain object, not attached to the request's Hibernate session (code
     * that changes a person loads it with {@code em.find}). Plain JDBC: through Hibernate this one-row read of every
     * page view cost about a tenth of the page's CPU (docs/benchmarks.md, Decisions: Person in plain JDBC). Outside a
     * transaction the connection goes
     * back to the pool right after the read; inside one Agroal hands out the connection enlisted in it.
     */
    private Person read(String subject) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(READ)) {
            s.setString(1, subject);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                return personFrom(r);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("person " + subject + " could not be read", e);
        }
    }

    /**
     * A person from the current row of a result set with the columns {@code id, subject, display_name, email,
     * email_verified, sector, organisation, mail_opt_out, created_at, last_seen_at} (by name); {@code null} when
     * {@code id} is NULL.
     */
    public static Person personFrom(ResultSet r) throws SQLException {
        long id = r.getLong("id");
        if (r.wasNull()) {
            return null;
        }
        Person p = new Person();
        p.id = id;
        p.subject = r.getString("subject");
        p.displayName = r.getString("display_name");
        p.email = r.getString("email");
        p.emailVerified = r.getBoolean("email_verified");
        p.sector = r.getString("sector");
        p.organisation = r.getString("organisation");
        p.mailOptOut = r.getBoolean("mail_opt_out");
        p.createdAt = r.getObject("created_at", OffsetDateTime.class).toInstant();
        p.lastSeenAt = r.getObject("last_seen_at", OffsetDateTime.class).toInstant();
        return p;
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null) {
                String text = value instanceof JsonString js ? js.getString() : value.toString();
                text = text.replace("\u0000", "").strip();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** A claim that may be one string or an array of them; at most 50 values of at most 100 characters. */
    private List<String> claims(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            Collection<?> values =
                    value instanceof Collection<?> many ? many : value == null ? List.of() : List.of(value);
            return values.stream()
                    .map(v -> v instanceof JsonString js ? js.getString() : v.toString())
                    .map(v -> v.replace("\u0000", "").strip())
                    .filter(v -> !v.isEmpty() && v.length() <= 100)
                    .limit(50)
                    .toList();
        }
        return List.of();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
