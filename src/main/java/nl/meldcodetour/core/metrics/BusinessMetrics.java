/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Business counters for Prometheus ({@code /q/metrics}): what happened, counted only once the transaction that
 * stored it has committed, so a rollback or a replayed request never counts twice.
 * <ul>
 * <li>{@code meldcodetour_completions_total{module}} – modules completed (a pass or an attendance that completes)</li>
 * <li>{@code meldcodetour_quiz_attempts_total{module,result}} – quizzes submitted, result passed or failed</li>
 * <li>{@code meldcodetour_mails_sent_total{kind}} – reminder and other mails accepted by the SMTP server</li>
 * </ul>
 */
@ApplicationScoped
public class BusinessMetrics {

    public static final String COMPLETIONS = "meldcodetour.completions";
    public static final String QUIZ_ATTEMPTS = "meldcodetour.quiz.attempts";
    public static final String MAILS_SENT = "meldcodetour.mails.sent";

    @Inject
    MeterRegistry registry;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Counts one event after the current transaction commits; immediately when there is no transaction. */
    public void countAfterCommit(String name, String... tags) {
        if (transactions.getTransactionKey() == null) {
            registry.counter(name, tags).increment();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    registry.counter(name, tags).increment();
                }
            }
        });
    }
}
