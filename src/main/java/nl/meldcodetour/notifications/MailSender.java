/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.notifications;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.meldcodetour.content.ContentService;
import nl.meldcodetour.content.Module;
import nl.meldcodetour.core.LogScrub;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import nl.meldcodetour.core.db.SqlRow;
import nl.meldcodetour.core.metrics.BusinessMetrics;
import nl.meldcodetour.core.web.Dutch;
import nl.meldcodetour.core.web.Formats;
import nl.meldcodetour.registry.Organisations;
import nl.meldcodetour.team.ColleaguesDue;
import nl.meldcodetour.team.ReminderRequests;
import org.jboss.logging.Logger;

/**
 * Sends what the planner put in the outbox. Each mail in its own transaction: the row is locked with
 * {@code FOR UPDATE SKIP LOCKED} (another instance skips it), sent over SMTP, and marked sent before the commit.
 * A crash before the SMTP server accepted the mail leaves the row unsent for the next run; the only window for a
 * duplicate is a crash between the server's acceptance and our commit (milliseconds), and then the mail carries the
 * same Message-ID, so mail clients show it once.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    static final int MAX_ATTEMPTS = 10;
    /** Addresses we hand to SMTP: plain local part and domain, nothing that needs quoting. */
    static final Pattern SENDABLE =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,63}");

    @Inject
    BusinessMetrics metrics;

    @Inject
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    ContentService content;

    @Inject
    ObjectMapper json;

    /** The mails' texts (src/main/resources/templates/mail/*.txt), typed like every page: Qute checks them at build time. */
    @CheckedTemplate(basePath = "mail")
    static class Mails {
        static native TemplateInstance expiry(
                String name, String module, String validUntil, String days, String link, String optOutLink);

        static native TemplateInstance expired(String name, String module, String validUntil, String link);

        static native TemplateInstance requested(String name, String module, String link);

        static native TemplateInstance digest(String name, List<String> rows, String link, String optOutLink);

        static native TemplateInstance session(
                String name, String message, String title, String when, String where, String link);
    }

    @Inject
    MeldcodetourConfig config;

    @Inject
    SessionFacts sessions;

    @Inject
    Organisations organisations;

    @Inject
    ReminderRequests reminderRequests;

    @Inject
    ColleaguesDue colleaguesDue;

    /** Sends every unsent mail once (failed ones are retried on a later run); returns how many were sent. */
    public int sendDue(String node) {
        int sent = 0;
        long after = 0;
        while (true) {
            long cursor = after;
            Optional<Handled> result = QuarkusTransaction.requiringNew().call(() -> sendNext(node, cursor));
            if (result.isEmpty()) {
                return sent;
            }
            after = result.get().id();
            sent += result.get().sent() ? 1 : 0;
        }
    }

    /** A mail row taken from the outbox; the SQL is set-based queue work (SKIP LOCKED), no entity. */
    private record Queued(
            long id, String recipient, String kind, String subjectKey, LocalDate dueDate, String payload) {}

    /** The row handled, and whether it was sent. */
    private record Handled(long id, boolean sent) {}

    /** Handles the next unsent mail after {@code after}; empty when nothing is left. */
    private Optional<Handled> sendNext(String node, long after) {
        Optional<Queued> next = SqlRow.first(
                em.createNativeQuery("""
                SELECT id, recipient, kind, subject_key, due_date, payload::text FROM mail_outbox
                WHERE sent_at IS NULL AND attempts < ?1 AND id > ?2 ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED""").setParameter(1, MAX_ATTEMPTS).setParameter(2, after),
                r -> new Queued(r.longValue(0), r.string(1), r.string(2), r.string(3), r.date(4), r.string(5)));
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Queued row = next.get();
        long id = row.id();
        if (!SENDABLE.matcher(row.recipient()).matches() || row.recipient().endsWith(".invalid")) {
            // an address an SMTP server cannot take (typed with quotes, brackets, spaces...): never retried
            em.createNativeQuery(
                            "UPDATE mail_outbox SET attempts = ?1, last_error = 'ongeldig e-mailadres' WHERE id = ?2")
                    .setParameter(1, MAX_ATTEMPTS)
                    .setParameter(2, id)
                    .executeUpdate();
            return Optional.of(new Handled(id, false));
        }
        Map<String, Object> data = payload(row.payload());
        if (aboutDeactivatedOrganisation(row.kind(), row.subjectKey(), data)) {
            // planned before the organisation was deactivated: it goes quiet, so this mail is never sent
            em.createNativeQuery(
                            "UPDATE mail_outbox SET attempts = ?1, last_error = 'organisatie gedeactiveerd: niet verstuurd' WHERE id = ?2")
                    .setParameter(1, MAX_ATTEMPTS)
                    .setParameter(2, id)
                    .executeUpdate();
            return Optional.of(new Handled(id, false));
        }
        try {
            Mail mail = render(id, row.recipient(), row.kind(), row.dueDate(), data);
            mailer.send(mail);
            em.createNativeQuery(
                            "UPDATE mail_outbox SET sent_at = now(), sent_by = ?1, attempts = attempts + 1 WHERE id = ?2")
                    .setParameter(1, node)
                    .setParameter(2, id)
                    .executeUpdate();
            metrics.countAfterCommit(BusinessMetrics.MAILS_SENT, "kind", row.kind());
            return Optional.of(new Handled(id, true));
        } catch (RuntimeException e) {
            // an SMTP server's answer quotes the recipient ("550 <x@y> unknown"): logged scrubbed, kept whole in
            // last_error
            LOG.warnf("Mail %d (%s) could not be sent: %s", id, row.kind(), LogScrub.text(e.getMessage()));
            em.createNativeQuery(
                            "UPDATE mail_outbox SET attempts = attempts + 1, last_error = left(?1, 500) WHERE id = ?2")
                    .setParameter(1, String.valueOf(e.getMessage()))
                    .setParameter(2, id)
                    .executeUpdate();
            return Optional.of(new Handled(id, false));
        }
    }

    /**
     * Whether a mail is about an organisation that is deactivated now: the weekly digest of its aandachtsfunctionaris,
     * or a reminder an aandachtsfunctionaris asked for one of its staff ({@code request-<id>}).
     */
    private boolean aboutDeactivatedOrganisation(String kind, String subjectKey, Map<String, Object> data) {
        return switch (kind) {
            case "af-digest" -> organisations.isDeactivated(Long.parseLong(text(data.get("organisation"), "0")));
            case "requested" ->
                subjectKey.matches("request-[0-9]{1,18}")
                        && reminderRequests.ofDeactivatedOrganisation(
                                Long.parseLong(subjectKey.substring("request-".length())));
            default -> false;
        };
    }

    Mail render(long id, String recipient, String kind, LocalDate due, Map<String, Object> data) {
        String name = text(data.get("name"), "collega");
        String moduleId = text(data.get("module"), "");
        String module = content.catalog().module(moduleId).map(Module::title).orElse(moduleId);
        String base = config.publicUrl().replaceAll("/+$", "");
        String validUntil = data.get("validUntil") == null
                ? ""
                : Formats.dutch(LocalDate.parse(data.get("validUntil").toString()));
        String subject;
        String body;
        switch (kind) {
            case "expiry-60", "expiry-14" -> {
                String days = kind.substring("expiry-".length());
                subject = "Over " + Dutch.count(days, "dag", "dagen") + " verloopt je training " + module;
                body = Mails.expiry(
                                name,
                                module,
                                validUntil,
                                days,
                                base + "/modules/" + moduleId,
                                base + "/mijn-gegevens/e-mail")
                        .render();
            }
            case "expired" -> {
                subject = "Je training " + module + " is verlopen";
                body = Mails.expired(name, module, validUntil, base + "/modules/" + moduleId)
                        .render();
            }
            case "requested" -> {
                subject = "Herinnering: training " + module;
                body = Mails.requested(name, module, base + "/modules/" + moduleId)
                        .render();
            }
            case "af-digest" -> {
                long organisation = Long.parseLong(text(data.get("organisation"), "0"));
                subject = "Weekoverzicht meldcode: collega's die een training moeten doen";
                body = Mails.digest(
                                name,
                                colleaguesDue(organisation, due),
                                base + "/team/" + organisation,
                                base + "/mijn-gegevens/e-mail")
                        .render();
            }
            case "session-changed", "session-cancelled", "session-promoted" -> {
                long sessionId = Long.parseLong(text(data.get("session"), "0"));
                SessionFacts.Facts s = sessions.of(sessionId)
                        .orElseThrow(() -> new IllegalStateException("session " + sessionId + " not found"));
                String title = s.title();
                subject = switch (kind) {
                    case "session-changed" -> "Gewijzigd: " + title;
                    case "session-cancelled" -> "Gaat niet door: " + title;
                    default -> "Er is een plaats vrij: je bent aangemeld voor " + title;
                };
                String message = switch (kind) {
                    case "session-changed" ->
                        "De bijeenkomst waarvoor je bent aangemeld, is gewijzigd. Dit zijn de nieuwe gegevens:";
                    case "session-cancelled" -> "De bijeenkomst waarvoor je bent aangemeld, gaat helaas niet door.";
                    default -> "Er kwam een plaats vrij. Je stond op de wachtlijst en bent nu aangemeld voor:";
                };
                body = Mails.session(name, message, title, s.when(), s.where(), base + "/bijeenkomsten")
                        .render();
            }
            default -> throw new IllegalStateException("unknown mail kind " + kind);
        }
        return Mail.withText(recipient, subject, body).addHeader("Message-ID", "<outbox-" + id + "@meldcodetour>");
    }

    /** "Anouk de Vries – De meldcode in 5 stappen: verlopen op 3 maart 2027" for the digest. */
    private List<String> colleaguesDue(long organisation, LocalDate day) {
        return colleaguesDue.of(organisation, day).stream()
                .map(due -> {
                    String title = content.catalog()
                            .module(due.moduleId())
                            .map(Module::title)
                            .orElse(due.moduleId());
                    return due.name() + " – " + title + ": "
                            + (due.until().isBefore(day) ? "verlopen op " : "geldig tot en met ")
                            + Formats.dutch(due.until());
                })
                .toList();
    }

    private Map<String, Object> payload(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("unreadable outbox payload", e);
        }
    }

    /** One line of text for a mail: line breaks and other control characters become spaces (a name can't add lines). */
    private static String text(Object value, String fallback) {
        String line = value == null
                ? ""
                : value.toString()
                        .replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ")
                        .strip();
        return line.isEmpty() ? fallback : line;
    }
}
