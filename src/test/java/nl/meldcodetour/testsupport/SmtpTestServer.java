/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A real SMTP server (GreenMail) for every test run; tests read what it received. */
public class SmtpTestServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    public static GreenMail server() {
        return server;
    }

    /** The mails received so far for this address (the first recipient), in the order they arrived. */
    public static List<MimeMessage> receivedBy(String email) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(email);
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The subject of a received mail ("" when it can't be read). */
    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    /**
     * While {@code during} runs, the SMTP port is answered by a server that refuses every recipient the way a real one
     * does, quoting the address ({@code 550 5.1.1 <x@y>: Recipient address rejected}); GreenMail, started again on the
     * same port afterwards, has an empty mailbox.
     */
    public static synchronized void refusingRecipients(Runnable during) throws IOException {
        int port = server.getSmtp().getPort();
        server.stop();
        try (ServerSocket refusing = new ServerSocket()) {
            refusing.setReuseAddress(true);
            refusing.bind(new InetSocketAddress("127.0.0.1", port));
            Thread answering = new Thread(
                    () -> {
                        while (!refusing.isClosed()) {
                            try {
                                Socket s = refusing.accept();
                                Thread conversation = new Thread(
                                        () -> {
                                            try (s) {
                                                refuse(s);
                                            } catch (IOException gone) {
                                                // the client hung up
                                            }
                                        },
                                        "refusing-smtp-conversation");
                                conversation.setDaemon(true);
                                conversation.start();
                            } catch (IOException closed) {
                                // the end
                            }
                        }
                    },
                    "refusing-smtp");
            answering.setDaemon(true);
            answering.start();
            during.run();
        } finally {
            server = start(port);
        }
    }

    private static void refuse(Socket s) throws IOException {
        s.setSoTimeout(3000);
        var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        var out = new PrintStream(s.getOutputStream(), true, StandardCharsets.US_ASCII);
        out.print("220 refusing ESMTP\r\n");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("RCPT TO:")) {
                out.print("550 5.1.1 " + line.substring(8).strip() + ": Recipient address rejected: User unknown\r\n");
            } else if (command.startsWith("QUIT")) {
                out.print("221 bye\r\n");
                return;
            } else {
                out.print("250 OK\r\n");
            }
        }
    }

    private static GreenMail start(int port) {
        ServerSetup setup = port == 0
                ? new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()
                : new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setReadTimeout(3000L); // a stuck SMTP conversation fails after 3 s instead of 30
        GreenMail started = new GreenMail(setup);
        started.start();
        return started;
    }

    @Override
    public Map<String, String> start() {
        server = start(0);
        // Now and then (about 1 in 50 mails) GreenMail waits for a command the Vert.x mail client already sent, and
        // that
        // mail fails; the sender retries it on its next run, which is what a real transient SMTP failure gets too.
        // Tests therefore deliver with MailDelivery.all(), which runs the sender until nothing deliverable is left.
        return Map.of(
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                String.valueOf(server.getSmtp().getPort()),
                "quarkus.mailer.start-tls",
                "DISABLED",
                "quarkus.mailer.login",
                "DISABLED",
                "quarkus.mailer.keep-alive",
                "false",
                "quarkus.mailer.pipelining",
                "false");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
