/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.sessions;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
        // identical requests wait for each other on an advisory lock, then the second finds the first.
        // SQL: a transaction-scoped advisory lock has no JPA form.
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "tour_session|" + actor + "|" + title.toLowerCase(Locale.ROOT) + "|" + slot.starts())
                .getSingleResult();
        Optional<TourSession> same = TourSession.find(
                        "createdBy = ?1 and lower(title) = lower(?2) and startsAt = ?3 and endsAt = ?4"
                                + " and place is not distinct from ?5 and onlineUrl is not distinct from ?6"
                                + " and cancelledAt is null",
                        Sort.by("id"),
                        actor,
                        title,
                        slot.starts(),
                        slot.ends(),
                        slot.place(),
                        slot.url())
                .firstResultOptional();
        if (same.isPresent()) {
            throw new DuplicateException(
                    "Deze bijeenkomst had je al gepland (nummer " + same.get().id
                            + "): dezelfde titel, hetzelfde begin en einde en dezelfde plaats. Er is geen tweede gepland.",
                    same.get().id);
        }
        Instant now = Instant.now(clock);
        TourSession session = new TourSession();
        session.title = title;
        session.sectors = sectors.toArray(String[]::new);
        session.modules = modules.toArray(String[]::new);
        schedule(session, slot, in.capacity());
        session.trainer = trainer;
        session.trainerEmail = trainerEmail;
        session.trainerPersonId = trainerPerson;
        session.createdBy = actor;
        session.createdAt = now;
        session.updatedAt = now;
        session.persist();
        long id = session.id;
        audit.record(actor, "CREATE", "session", id, title);
        return id;
    }

    /** When and where, validated: begin in the future, end after begin, a place or an https link, a capacity. */
    record Slot(Instant starts, Instant ends, String place, String url) {}

    /** Sets when and where the session is, and its places (validated by {@link #slot}). */
    private static void schedule(TourSession session, Slot slot, int capacity) {
        session.startsAt = slot.starts();
        session.endsAt = slot.ends();
        session.place = slot.place();
        session.onlineUrl = slot.url();
        session.capacity = capacity;
    }

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
        TourSession session = lock(sessionId);
        if (session.cancelled()) {
            throw new ConflictException("Deze bijeenkomst gaat niet door.");
        }
        if (session.startsAt.isBefore(Instant.now(clock))) {
            throw new ConflictException("Deze bijeenkomst is al begonnen of voorbij; aanmelden kan niet meer.");
        }
        Optional<SessionRegistration> current = registration(sessionId, personId);
        if (current.isPresent() && !current.get().status.equals(SessionRegistration.CANCELLED)) {
            return new Registration(current.get().status, true);
        }
        String status = registeredCount(sessionId) < session.capacity
                ? SessionRegistration.REGISTERED
                : SessionRegistration.WAITLISTED;
        // registering again after cancelling starts afresh, at the end of the queue
        SessionRegistration r = current.orElseGet(SessionRegistration::new);
        r.sessionId = sessionId;
        r.personId = personId;
        r.status = status;
        r.registeredAt = Instant.now(clock);
        r.cancelledAt = null;
        r.promotedAt = null;
        r.attended = null;
        if (current.isEmpty()) {
            r.persist();
        }
        audit.recordOwn(personId, "REGISTER", "session", sessionId, status);
        return new Registration(status, false);
    }

    /** Cancels; a freed place goes to the first person on the waitlist. Returns the person promoted, if any. */
    @Transactional
    public Optional<Long> cancel(long sessionId, long personId) {
        lock(sessionId);
        Optional<SessionRegistration> current = registration(sessionId, personId);
        if (current.isEmpty() || current.get().status.equals(SessionRegistration.CANCELLED)) {
            return Optional.empty();
        }
        SessionRegistration r = current.get();
        String was = r.status;
        r.status = SessionRegistration.CANCELLED;
        r.cancelledAt = Instant.now(clock);
        audit.recordOwn(personId, "UNREGISTER", "session", sessionId, was);
        if (was.equals(SessionRegistration.REGISTERED)) {
            return promote(sessionId);
        }
        return Optional.empty();
    }

    /** Moves the longest-waiting person up when a place is free. */
    private Optional<Long> promote(long sessionId) {
        int capacity = lock(sessionId).capacity;
        if (registeredCount(sessionId) >= capacity) {
            return Optional.empty();
        }
        Optional<SessionRegistration> first = SessionRegistration.find(
                        "sessionId = ?1 and status = ?2",
                        Sort.by("registeredAt").and("id"),
                        sessionId,
                        SessionRegistration.WAITLISTED)
                .firstResultOptional();
        first.ifPresent(r -> {
            r.status = SessionRegistration.REGISTERED;
            r.promotedAt = Instant.now(clock);
            notify(sessionId, "session-promoted", "person-" + r.personId, r.personId);
        });
        return first.map(r -> r.personId);
    }

    /** Changes time, place or capacity; everyone registered or waiting gets a notice. */
    @Transactional
    public void change(long sessionId, SessionInput in, String actor) {
        TourSession session = lock(sessionId);
        if (session.cancelled()) {
            throw new ConflictException("Deze bijeenkomst gaat niet door; wijzigen kan niet meer.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Slot slot = slot(in, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        schedule(session, slot, in.capacity());
        session.version++;
        session.updatedAt = Instant.now(clock);
        int version = session.version;
        notifyAll(sessionId, "session-changed", "v" + version);
        while (promote(sessionId).isPresent()) {
            // a larger capacity moves people up from the waitlist
        }
        audit.record(actor, "UPDATE", "session", sessionId, "version " + version);
    }

    /** Cancels the session; everyone registered or waiting gets a notice. */
    @Transactional
    public void cancelSession(long sessionId, String actor) {
        TourSession session = lock(sessionId);
        if (session.cancelled()) {
            return;
        }
        Instant now = Instant.now(clock);
        session.cancelledAt = now;
        session.version++;
        session.updatedAt = now;
        notifyAll(sessionId, "session-cancelled", "cancelled");
        audit.record(actor, "CANCEL", "session", sessionId, null);
    }

    /** Queues a notice for everyone registered or waiting; the outbox key makes it once per change. */
    private void notifyAll(long sessionId, String kind, String change) {
        List<Long> people = SessionRegistration.<SessionRegistration>list(
                        "sessionId = ?1 and status in ?2",
                        Sort.by("id"),
                        sessionId,
                        List.of(SessionRegistration.REGISTERED, SessionRegistration.WAITLISTED))
                .stream()
                .map(r -> r.personId)
                .toList();
        outbox.sessionNotice(kind, "session-" + sessionId + "-" + change, sessionId, people);
    }

    /** Queues a notice for one person, once per change and day. */
    private void notify(long sessionId, String kind, String change, long personId) {
        outbox.sessionNotice(
                kind, "session-" + sessionId + "-" + change + "-" + LocalDate.now(clock), sessionId, List.of(personId));
    }

    @Transactional
    public List<Attendee> attendees(long sessionId, String viewer) {
        Map<Long, SessionRegistration> byPerson = new HashMap<>();
        SessionRegistration.<SessionRegistration>list(
                        "sessionId = ?1 and status = ?2", sessionId, SessionRegistration.REGISTERED)
                .forEach(r -> byPerson.put(r.personId, r));
        // names and addresses through identity's API, in the order of their names
        List<Attendee> attendees = people.contacts(byPerson.keySet()).stream()
                .map(c -> {
                    SessionRegistration r = byPerson.get(c.id());
                    return new Attendee(r.id, c.id(), c.name(), c.email(), r.attended);
                })
                .toList();
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
        TourSession session = lock(sessionId);
        Instant starts = session.startsAt;
        if (session.cancelled()) {
            throw new ConflictException(CANCELLED_NO_ATTENDANCE);
        }
        if (Instant.now(clock).isBefore(starts)) {
            throw new ConflictException(notStartedYet(starts));
        }
        for (var e : marks.entrySet()) {
            int updated = SessionRegistration.update(
                    "attended = ?1, attendanceMarkedBy = ?2 where id = ?3 and sessionId = ?4 and status = ?5",
                    e.getValue(),
                    actor,
                    e.getKey(),
                    sessionId,
                    SessionRegistration.REGISTERED);
            if (updated == 0) {
                throw new InvalidInputException(
                        Map.of("attendance", "Aanmelding " + e.getKey() + " hoort niet bij deze bijeenkomst."));
            }
        }
        // blended modules: attending completes them for whoever already passed the quiz
        List<Module> blended = Arrays.stream(session.modules)
                .flatMap(id -> content.catalog().module(id).stream())
                .filter(Module::attendanceRequired)
                .toList();
        if (!blended.isEmpty()) {
            for (SessionRegistration present :
                    SessionRegistration.<SessionRegistration>list("sessionId = ?1 and attended = true", sessionId)) {
                blended.forEach(m -> completions.recordAttendance(present.personId, m, Instant.now(clock)));
            }
        }
        audit.record(actor, "ATTENDANCE", "session", sessionId, marks.size() + " marked");
    }

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
        return TourSession.<TourSession>list(
                        "trainerPersonId = ?1 and cancelledAt is null and endsAt > ?2", personId, Instant.now(clock))
                .stream()
                .map(s -> s.id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether this person is the trainer of the session (trainers change their own sessions and mark attendance):
     * bound by subject, never by the e-mail address in a token.
     */
    public boolean isTrainer(long sessionId, long personId) {
        return TourSession.count("id = ?1 and trainerPersonId = ?2", sessionId, personId) > 0;
    }

    /** Binds the sessions that name this verified address as trainer e-mail and are not bound to anyone yet. */
    void bindTrainer(@jakarta.enterprise.event.Observes VerifiedEmail verified) {
        int bound = TourSession.update(
                "trainerPersonId = ?1 where trainerPersonId is null and lower(trainerEmail) = lower(?2)",
                verified.personId(),
                verified.email());
        if (bound > 0) {
            audit.record(
                    verified.subject(),
                    "BIND",
                    "person",
                    verified.personId(),
                    bound + " bijeenkomst(en) als trainer gekoppeld via het geverifieerde e-mailadres");
        }
    }

    // SQL: one round trip for the list with its counts and the viewer's place on the waitlist.
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

    /** The session, its row locked for the rest of the transaction: registrations for it wait for each other. */
    private TourSession lock(long sessionId) {
        TourSession session = TourSession.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw new MissingException();
        }
        return session;
    }

    private Optional<SessionRegistration> registration(long sessionId, long personId) {
        return SessionRegistration.find("sessionId = ?1 and personId = ?2", sessionId, personId)
                .firstResultOptional();
    }

    private long registeredCount(long sessionId) {
        return SessionRegistration.count("sessionId = ?1 and status = ?2", sessionId, SessionRegistration.REGISTERED);
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
