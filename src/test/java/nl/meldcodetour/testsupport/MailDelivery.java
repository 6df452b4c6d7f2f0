package nl.meldcodetour.testsupport;

import nl.meldcodetour.notifications.MailSender;

/** Runs the sender like the scheduled job would, run after run, until a run sends nothing. */
public final class MailDelivery {

    private MailDelivery() {
    }

    public static int all(MailSender sender, String node) {
        int total = 0;
        for (int run = 0; run < 5; run++) {
            int sent = sender.sendDue(node);
            total += sent;
            if (sent == 0) {
                return total;
            }
        }
        return total;
    }
}
