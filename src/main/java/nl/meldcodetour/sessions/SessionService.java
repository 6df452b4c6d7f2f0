/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.meldcodetour.audit.AuditLog;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.content.Sector;
import nl.meldcodetour.core.ConflictException;
import nl.meldcodetour.core.DuplicateException;
import nl.meldcodetour.core.InvalidInputException;
import nl.meldcodetour.core.MissingException;
import nl.meldcodetour.core.db.SqlRow;
import nl.meldcodetour.core.time.ClockProducer;
import nl.meldcodetour.core.web.Formats;
import nl.meldcodetour.core.web.Input;
import nl.meldcodetour.identity.People;
import nl.meldcodetour.identity.Person;
import nl.meldcodetour.identity.VerifiedEmail;
import nl.meldcodetour.learning.CompletionService;
import nl.meldcodetour.notifications.Outbox;

/**
 * Sessions of the meldcodetour: planning, registration with a waitlist, cancellation with automatic promotion, and
 * attendance. Registration and cancellation lock the session row, so capacity holds under concurrent requests.
 */
@ApplicationScoped
public class SessionService {

    @Inject
    People people;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    ContentService content;

    @Inject
    AuditLog audit;

    @Inject
    CompletionService completions;

    public record SessionInput(
            String title,
            List<String> sectors,
            List<String> modules,
            String startsAt,
            String endsAt,
            String place,
            String onlineUrl,
            Integer capacity,
            String trainer,
            String trainerEmail) {}

    /** A session with its counts; {@code mine} is the viewer's own status (null: not registered). */
    public record SessionView(
            long id,
            String title,
            List<String> sectors,
            List<String> modules,
            Instant startsAt,
            Instant endsAt,
            String place,
            String onlineUrl,
            int capacity,
            String trainer,
            boolean cancelled,
            long registered,
            long waitlisted,
            String mine,
            Integer waitlistPosition) {

        public long freePlaces() {
            return Math.max(0, capacity - registered);
        }
    }

    public record Attendee(long registrationId, long personId, String name, String email, Boolean attended) {}

    /**
     * Plans a session. {@code self} is the planner when they plan as trainer: a trainer who names no other trainer
     * e-mail is the session's trainer, so they can change it and mark attendance. A trainer e-mail address is an
     * invitation: it binds the session to the person who owns the address (verified by the identity provider), now or
     * at their next login.
     */
    @Transactional
    public long plan(SessionInput in, String actor, Person self) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = Input.text(in.title(), "title", 200, true, errors);
        List<String> sectors = in.sectors() == null
                ? List.of()
                : in.sectors().stream().filter(s -> s != null && !s.isBlank()).toList();
        for (String s : sectors) {
            if (content.catalog().sector(s).isEmpty()) {
                errors.put("sectors", "Onbekende sector: " + s.substring(0, Math.min(64, s.length())) + ".");
            }
        }
        List<String> modules = in.modules() == null
                ? List.of()
                : in.modules().stream().filter(m -> m != null && !m.isBlank()).toList();
        for (String m : modules) {
            if (content.catalog().module(m).isEmpty()) {
                errors.put("modules", "Onbekende module: " + m.substring(0, Math.min(64, m.length())) + ".");
            }
        }
        Slot slot = slot(in, errors);
        String trainer = Input.text(in.trainer(), "trainer", 200, true, errors);
        String trainerEmail = Input.email(in.trainerEmail(), "trainerEmail", false, errors);
        Long trainerPerson = null;
        if (trainerEmail != null) {
            trainerPerson = people.verifiedOwner(trainerEmail).orElse(null);
        } else if (self != null) {
            trainerEmail = self.email;
            trainerPerson = self.id;
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // The same planner sending the same session twice (a double click, the form sent again) plans it once:
        // identical
        // requests wait for each other on an advisory lock, then the second finds the first.
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "tour_session|" + actor + "|" + title.toLowerCase(Locale.ROOT) + "|" + slot.starts())
                .getSingleResult();
        Optional<Long> same = SqlRow.first(
                em.createNativeQuery("""
                SELECT id FROM tour_session
                WHERE created_by = ?1 AND lower(title) = lower(?2) AND starts_at = ?3 AND ends_at = ?4
                  AND place IS NOT DISTINCT FROM ?5 AND online_url IS NOT DISTINCT FROM ?6 AND cancelled_at IS NULL
                ORDER BY id LIMIT 1""")
                        .setParameter(1, actor)
                        .setParameter(2, title)
                        .setParameter(3, slot.starts())
                        .setParameter(4, slot.ends())
                        .setParameter(5, slot.place())
                        .setParameter(6, slot.url()),
                r -> r.longValue(0));
        if (same.isPresent()) {
            throw new DuplicateException(
                    "Deze bijeenkomst had je al gepland (nummer " + same.get()
                            + "): dezelfde titel, hetzelfde begin en einde en dezelfde plaats. Er is geen tweede gepland.",
                    same.get());
        }
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO tour_session (title, sectors, modules, starts_at, ends_at, place, online_url, capacity, trainer, trainer_email,
                                          created_by, trainer_person_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id""")
                        .setParameter(1, title)
                        .setParameter(2, sectors.toArray(String[]::new))
                        .setParameter(3, modules.toArray(String[]::new))
                        .setParameter(4, slot.starts())
                        .setParameter(5, slot.ends())
                        .setParameter(6, slot.place())
                        .setParameter(7, slot.url())
                        .setParameter(8, in.capacity())
                        .setParameter(9, trainer)
                        .setParameter(10, trainerEmail)
                        .setParameter(11, actor)
                        .setParameter(12, trainerPerson)
                        .getSingleResult())
                .longValue();
        audit.record(actor, "CREATE", "session", id, title);
        return id;
    }

    /** When and where, validated: begin in the future, end after begin, a place or an https link, a capacity. */
    record Slot(Instant starts, Instant ends, String place, String url) {}

    private Slot slot(SessionInput in, Map<String, String> errors) {
        Instant starts = moment(in.startsAt(), "startsAt", errors);
        Instant ends = moment(in.endsAt(), "endsAt", errors);
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            errors.put("endsAt", "Het einde moet na het begin liggen.");
        }
        if (starts != null && starts.isBefore(Instant.now(clock))) {
            errors.put("startsAt", "Het begin ligt in het verleden.");
        }
        String place = Input.text(in.place(), "place", 300, false, errors);
        String url = Input.text(in.onlineUrl(), "onlineUrl", 500, false, errors);
        if (url != null && !url.matches("https://[^\\s<>\"]+")) {
            errors.put("onlineUrl", "Een link voor online deelnemen begint met https://.");
        }
        if (place == null && url == null && !errors.containsKey("onlineUrl")) {
            errors.put("place", "Vul een plaats in, een link voor online deelnemen, of allebei.");
        }
        if (in.capacity() == null || in.capacity() < 1 || in.capacity() > 10_000) {
            errors.put("capacity", "Vul het aantal plaatsen in: een heel getal van 1 tot 10.000.");
        }
        return new Slot(starts, ends, place, url);
    }

    /**
     * Upcoming sessions for someone in {@code sector} (null: every session), with their own status; also, whatever their
     * sector, the sessions this person trains.
     */
    public List<SessionView> upcoming(Long personId, String sector) {
        List<String> sectors = new ArrayList<>();
        if (sector != null) {
            sectors.add(sector);
            content.catalog().sector(sector).flatMap(Sector::parent).ifPresent(sectors::add);
        }
        return SqlRow.list(
                em.createNativeQuery(SELECT + """
                WHERE s.cancelled_at IS NULL AND s.ends_at > now()
                  AND (cardinality(s.sectors) = 0 OR ?2 = 0 OR s.sectors && CAST(?3 AS varchar[]) OR s.trainer_person_id = ?1)
                ORDER BY s.starts_at, s.id LIMIT 200""")
                        .setParameter(1, personId == null ? -1L : personId)
                        .setParameter(2, sector == null ? 0 : 1)
                        .setParameter(3, sectors.toArray(String[]::new)),
                SessionService::view);
    }

    public SessionView session(long id, Long personId) {
        return SqlRow.first(
                        em.createNativeQuery(SELECT + " WHERE s.id = ?2")
                                .setParameter(1, personId == null ? -1L : personId)
                                .setParameter(2, id),
                        SessionService::view)
                .orElseThrow(MissingException::new);
    }

    /** The status after registering, and whether the person already had it (a second click changes nothing). */
    public record Registration(String status, boolean already) {}

    /**
     * Registers; when the session is full, puts the person on the waitlist. Repeating it changes nothing (the session
     * row is locked, and there is one registration per person and session). Returns the resulting status.
     */
    @Transactional
    public Registration register(long sessionId, long personId) {
        Locked session = lock(sessionId);
        if (session.cancelled()) {
            throw new ConflictException("Deze bijeenkomst gaat niet door.");
        }
        if (session.startsAt().isBefore(Instant.now(clock))) {
            throw new ConflictException("Deze bijeenkomst is al begonnen of voorbij; aanmelden kan niet meer.");
        }
        Optional<String> current = status(sessionId, personId);
        if (current.isPresent() && !current.get().equals("cancelled")) {
            return new Registration(current.get(), true);
        }
        long registered = registeredCount(sessionId);
        String status = registered < session.capacity() ? "registered" : "waitlisted";
        em.createNativeQuery("""
                INSERT INTO session_registration (session_id, person_id, status, registered_at)
                VALUES (?1, ?2, ?3, now())
                ON CONFLICT (session_id, person_id) DO UPDATE SET status = EXCLUDED.status, registered_at = now(),
                    cancelled_at = NULL, promoted_at = NULL, attended = NULL""")
                .setParameter(1, sessionId)
                .setParameter(2, personId)
                .setParameter(3, status)
                .executeUpdate();
        audit.recordOwn(personId, "REGISTER", "session", sessionId, status);
        return new Registration(status, false);
    }

    /** Cancels; a freed place goes to the first person on the waitlist. Returns the person promoted, if any. */
    @Transactional
    public Optional<Long> cancel(long sessionId, long personId) {
        lock(sessionId);
        Optional<String> current = status(sessionId, personId);
        if (current.isEmpty() || current.get().equals("cancelled")) {
            return Optional.empty();
        }
        em.createNativeQuery(
                        "UPDATE session_registration SET status = 'cancelled', cancelled_at = now() WHERE session_id = ?1 AND person_id = ?2")
                .setParameter(1, sessionId)
                .setParameter(2, personId)
                .executeUpdate();
        audit.recordOwn(personId, "UNREGISTER", "session", sessionId, current.get());
        if (current.get().equals("registered")) {
            return promote(sessionId);
        }
        return Optional.empty();
    }

    /** Moves the longest-waiting person up when a place is free. */
    private Optional<Long> promote(long sessionId) {
        int capacity = lock(sessionId).capacity();
        if (registeredCount(sessionId) >= capacity) {
            return Optional.empty();
        }
        Optional<Long> promoted =
                SqlRow.first(em.createNativeQuery("""
                UPDATE session_registration SET status = 'registered', promoted_at = now()
                WHERE id = (SELECT id FROM session_registration WHERE session_id = ?1 AND status = 'waitlisted'
                            ORDER BY registered_at, id LIMIT 1)
                RETURNING person_id""").setParameter(1, sessionId), r -> r.longValue(0));
        promoted.ifPresent(person -> notify(sessionId, "session-promoted", "person-" + person, person));
        return promoted;
    }

    /** Changes time, place or capacity; everyone registered or waiting gets a notice. */
    @Transactional
    public void change(long sessionId, SessionInput in, String actor) {
        if (lock(sessionId).cancelled()) {
            throw new ConflictException("Deze bijeenkomst gaat niet door; wijzigen kan niet meer.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Slot slot = slot(in, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int version = ((Number) em.createNativeQuery("""
                UPDATE tour_session SET starts_at = ?1, ends_at = ?2, place = ?3, online_url = ?4, capacity = ?5,
                       version = version + 1, updated_at = now() WHERE id = ?6 RETURNING version""")
                        .setParameter(1, slot.starts())
                        .setParameter(2, slot.ends())
                        .setParameter(3, slot.place())
                        .setParameter(4, slot.url())
                        .setParameter(5, in.capacity())
                        .setParameter(6, sessionId)
                        .getSingleResult())
                .intValue();
        notifyAll(sessionId, "session-changed", "v" + version);
        while (promote(sessionId).isPresent()) {
            // a larger capacity moves people up from the waitlist
        }
        audit.record(actor, "UPDATE", "session", sessionId, "version " + version);
    }

    /** Cancels the session; everyone registered or waiting gets a notice. */
    @Transactional
    public void cancelSession(long sessionId, String actor) {
        if (lock(sessionId).cancelled()) {
            return;
        }
        em.createNativeQuery(
                        "UPDATE tour_session SET cancelled_at = now(), version = version + 1, updated_at = now() WHERE id = ?1")
                .setParameter(1, sessionId)
                .executeUpdate();
        notifyAll(sessionId, "session-cancelled", "cancelled");
        audit.record(actor, "CANCEL", "session", sessionId, null);
    }

    /** Queues a notice for everyone registered or waiting; the outbox key makes it once per change. */
    private void notifyAll(long sessionId, String kind, String change) {
        List<Long> people =
                em.createNativeQuery("""
                SELECT person_id FROM session_registration WHERE session_id = ?1 AND status IN ('registered', 'waitlisted')
                ORDER BY id""", Long.class).setParameter(1, sessionId).getResultList();
        outbox.sessionNotice(kind, "session-" + sessionId + "-" + change, sessionId, people);
    }

    /** Queues a notice for one person, once per change and day. */
    private void notify(long sessionId, String kind, String change, long personId) {
        outbox.sessionNotice(
                kind, "session-" + sessionId + "-" + change + "-" + LocalDate.now(clock), sessionId, List.of(personId));
    }

    @Transactional
    public List<Attendee> attendees(long sessionId, String viewer) {
        List<Attendee> attendees = SqlRow.list(
                em.createNativeQuery("""
                SELECT r.id, p.id, coalesce(p.display_name, p.email, p.subject), p.email, r.attended
                FROM session_registration r JOIN person p ON p.id = r.person_id
                WHERE r.session_id = ?1 AND r.status = 'registered' ORDER BY lower(coalesce(p.display_name, p.email, p.subject)), r.id""").setParameter(1, sessionId),
                r -> new Attendee(r.longValue(0), r.longValue(1), r.string(2), r.string(3), r.bool(4)));
        // other people's names and e-mail addresses: every view is in the audit log
        audit.record(viewer, "VIEW", "session-attendees", sessionId, attendees.size() + " aanmeldingen");
        return attendees;
    }

    /**
     * Marks attendance: registration id → present (true) or absent (false). Unknown ids are refused, and so is any
     * marking before the session has begun or of a cancelled session (409): nobody can have attended it.
     */
    @Transactional
    public void markAttendance(long sessionId, Map<Long, Boolean> marks, String actor) {
        Locked session = lock(sessionId);
        Instant starts = session.startsAt();
        if (session.cancelled()) {
            throw new ConflictException(CANCELLED_NO_ATTENDANCE);
        }
        if (Instant.now(clock).isBefore(starts)) {
            throw new ConflictException(notStartedYet(starts));
        }
        for (var e : marks.entrySet()) {
            int updated = em.createNativeQuery("""
                    UPDATE session_registration SET attended = ?1, attendance_marked_by = ?2
                    WHERE id = ?3 AND session_id = ?4 AND status = 'registered'""")
                    .setParameter(1, e.getValue())
                    .setParameter(2, actor)
                    .setParameter(3, e.getKey())
                    .setParameter(4, sessionId)
                    .executeUpdate();
            if (updated == 0) {
                throw new InvalidInputException(
                        Map.of("attendance", "Aanmelding " + e.getKey() + " hoort niet bij deze bijeenkomst."));
            }
        }
        // blended modules: attending completes them for whoever already passed the quiz
        List<Present> present = SqlRow.list(
                em.createNativeQuery("""
                SELECT r.person_id, m FROM session_registration r JOIN tour_session s ON s.id = r.session_id, unnest(s.modules) m
                WHERE r.session_id = ?1 AND r.attended""").setParameter(1, sessionId), r -> new Present(r.longValue(0), r.string(1)));
        for (Present row : present) {
            content.catalog()
                    .module(row.moduleId())
                    .filter(Module::attendanceRequired)
                    .ifPresent(m -> completions.recordAttendance(row.personId(), m, Instant.now(clock)));
        }
        audit.record(actor, "ATTENDANCE", "session", sessionId, marks.size() + " marked");
    }

    /** A person marked present, and a module the session covers. */
    private record Present(long personId, String moduleId) {}

    /** Whether attendance can be taken: the session has begun (it may have ended: attendance can be taken afterwards). */
    public boolean attendanceOpen(SessionView session) {
        return attendanceClosed(session).isEmpty();
    }

    /** Why attendance cannot be taken for this session (cancelled, or not begun yet); empty when it can. */
    public Optional<String> attendanceClosed(SessionView session) {
        if (session.cancelled()) {
            return Optional.of(CANCELLED_NO_ATTENDANCE);
        }
        return Instant.now(clock).isBefore(session.startsAt())
                ? Optional.of(notStartedYet(session.startsAt()))
                : Optional.empty();
    }

    static final String CANCELLED_NO_ATTENDANCE = "Deze bijeenkomst is afgezegd. Presentie vastleggen kan daarom niet.";

    /** Why attendance cannot be taken yet, and from when it can. */
    public static String notStartedYet(Instant starts) {
        return "De bijeenkomst is nog niet begonnen. Presentie vastleggen kan vanaf het begin: " + Formats.dutch(starts)
                + ".";
    }

    /** The ids of the upcoming sessions this person trains (bound by subject, as in {@link #isTrainer}). */
    public Set<Long> upcomingTrainedBy(long personId) {
        return Set.copyOf(SqlRow.list(
                em.createNativeQuery(
                                "SELECT id FROM tour_session WHERE trainer_person_id = ?1 AND cancelled_at IS NULL AND ends_at > now()")
                        .setParameter(1, personId),
                r -> r.longValue(0)));
    }

    /**
     * Whether this person is the trainer of the session (trainers change their own sessions and mark attendance):
     * bound by subject, never by the e-mail address in a token.
     */
    public boolean isTrainer(long sessionId, long personId) {
        return ((Number) em.createNativeQuery(
                                        "SELECT count(*) FROM tour_session WHERE id = ?1 AND trainer_person_id = ?2")
                                .setParameter(1, sessionId)
                                .setParameter(2, personId)
                                .getSingleResult())
                        .longValue()
                > 0;
    }

    /** Binds the sessions that name this verified address as trainer e-mail and are not bound to anyone yet. */
    void bindTrainer(@jakarta.enterprise.event.Observes VerifiedEmail verified) {
        int bound = em.createNativeQuery(
                        "UPDATE tour_session SET trainer_person_id = ?1 WHERE trainer_person_id IS NULL AND lower(trainer_email) = lower(?2)")
                .setParameter(1, verified.personId())
                .setParameter(2, verified.email())
                .executeUpdate();
        if (bound > 0) {
            audit.record(
                    verified.subject(),
                    "BIND",
                    "person",
                    verified.personId(),
                    bound + " bijeenkomst(en) als trainer gekoppeld via het geverifieerde e-mailadres");
        }
    }

    private static final String SELECT = """
            SELECT s.id, s.title, s.sectors, s.modules, s.starts_at, s.ends_at, s.place, s.online_url, s.capacity, s.trainer,
                   s.cancelled_at IS NOT NULL,
                   (SELECT count(*) FROM session_registration r WHERE r.session_id = s.id AND r.status = 'registered'),
                   (SELECT count(*) FROM session_registration r WHERE r.session_id = s.id AND r.status = 'waitlisted'),
                   (SELECT r.status FROM session_registration r WHERE r.session_id = s.id AND r.person_id = ?1),
                   (SELECT 1 + count(*) FROM session_registration w, session_registration me
                     WHERE me.session_id = s.id AND me.person_id = ?1 AND me.status = 'waitlisted'
                       AND w.session_id = s.id AND w.status = 'waitlisted' AND (w.registered_at, w.id) < (me.registered_at, me.id))
            FROM tour_session s
            """;

    /** A row of {@link #SELECT}. */
    private static SessionView view(SqlRow r) {
        String mine = r.string(13);
        return new SessionView(
                r.longValue(0),
                r.string(1),
                r.strings(2),
                r.strings(3),
                r.instant(4),
                r.instant(5),
                r.string(6),
                r.string(7),
                r.intValue(8),
                r.string(9),
                r.bool(10),
                r.longValue(11),
                r.longValue(12),
                mine,
                "waitlisted".equals(mine) ? r.intValue(14) : null);
    }

    /** The session row as {@link #lock} read it, locked for the rest of the transaction. */
    private record Locked(int capacity, boolean cancelled, Instant startsAt) {}

    private Locked lock(long sessionId) {
        return SqlRow.first(
                        em.createNativeQuery(
                                        "SELECT capacity, cancelled_at, starts_at FROM tour_session WHERE id = ?1 FOR UPDATE")
                                .setParameter(1, sessionId),
                        r -> new Locked(r.intValue(0), !r.isNull(1), r.instant(2)))
                .orElseThrow(MissingException::new);
    }

    private Optional<String> status(long sessionId, long personId) {
        return SqlRow.first(
                em.createNativeQuery("SELECT status FROM session_registration WHERE session_id = ?1 AND person_id = ?2")
                        .setParameter(1, sessionId)
                        .setParameter(2, personId),
                r -> r.string(0));
    }

    private long registeredCount(long sessionId) {
        return ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM session_registration WHERE session_id = ?1 AND status = 'registered'")
                        .setParameter(1, sessionId)
                        .getSingleResult())
                .longValue();
    }

    /** "2027-03-04T14:00" (as a datetime-local field sends it, Amsterdam time) or an ISO instant. */
    static Instant moment(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "Vul datum en tijd in.");
            return null;
        }
        String v = value.strip();
        try {
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v).atZone(ClockProducer.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "Vul datum en tijd in als jjjj-mm-ddTuu:mm, bijvoorbeeld 2027-03-04T14:00.");
            return null;
        }
    }
}
