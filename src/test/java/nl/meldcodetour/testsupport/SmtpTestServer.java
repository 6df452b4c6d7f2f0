package nl.meldcodetour.testsupport;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server (GreenMail) for every test run; tests read what it received. */
public class SmtpTestServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    public static GreenMail server() {
        return server;
    }

    /** The mails received so far for this address (the first recipient), in the order they arrived. */
    public static java.util.List<jakarta.mail.internet.MimeMessage> receivedBy(String email) {
        return java.util.Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The subject of a received mail ("" when it can't be read). */
    public static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    @Override
    public Map<String, String> start() {
        ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        setup.setReadTimeout(3000L); // a stuck SMTP conversation fails after 3 s instead of 30
        server = new GreenMail(setup);
        server.start();
        // Now and then (about 1 in 50 mails) GreenMail waits for a command the Vert.x mail client already sent, and that
        // mail fails; the sender retries it on its next run, which is what a real transient SMTP failure gets too.
        // Tests therefore deliver with MailDelivery.all(), which runs the sender until nothing deliverable is left.
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(server.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.login", "DISABLED", "quarkus.mailer.keep-alive", "false", "quarkus.mailer.pipelining", "false");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
