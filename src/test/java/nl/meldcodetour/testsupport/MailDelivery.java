/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.testsupport;

import nl.meldcodetour.notifications.MailSender;

/**
 * Runs the sender like the scheduled job would, run after run. A run that sends nothing may still have failed a mail
 * (GreenMail now and then drops a conversation; the mail stays unsent and the next run retries it), so delivery ends
 * only after two runs in a row sent nothing.
 */
public final class MailDelivery {

    private MailDelivery() {}

    public static int all(MailSender sender, String node) {
        int total = 0;
        int idle = 0;
        for (int run = 0; run < 10 && idle < 2; run++) {
            int sent = sender.sendDue(node);
            total += sent;
            idle = sent == 0 ? idle + 1 : 0;
        }
        return total;
    }
}
