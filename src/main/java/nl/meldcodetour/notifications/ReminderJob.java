/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.notifications;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDate;
import nl.meldcodetour.core.config.MeldcodetourConfig;
import org.jboss.logging.Logger;

/**
 * Runs on every instance, every few minutes: plan (idempotent) and send (each mail claimed by one instance). No
 * leader election is needed; the database decides. Disabled with {@code meldcodetour.reminders.enabled=false}.
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    @Inject
    ReminderPlanner planner;

    @Inject
    MailSender sender;

    @Inject
    Clock clock;

    @Inject
    MeldcodetourConfig config;

    final String node = ManagementFactory.getRuntimeMXBean().getName();

    @Scheduled(
            every = "${meldcodetour.reminders.every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!config.reminders().enabled()) {
            return;
        }
        int planned = planner.plan(LocalDate.now(clock));
        int sent = sender.sendDue(node);
        if (planned > 0 || sent > 0) {
            LOG.infof("Reminders: %d planned, %d sent", planned, sent);
        }
    }
}
