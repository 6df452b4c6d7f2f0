/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What {@link LogScrub} removes from a message before it is logged, and what it keeps for the operator. */
class LogScrubTest {

    @Test
    void quotedValuesAddressesAndIpAddressesGoTheRestStays() {
        assertEquals(
                "ERROR: duplicate key value violates unique constraint \"employment_current_unique\"\n"
                        + "  Detail: Key (organisation_id, lower(email::text))=(…) already exists.",
                LogScrub.text(
                        "ERROR: duplicate key value violates unique constraint \"employment_current_unique\"\n"
                                + "  Detail: Key (organisation_id, lower(email::text))=(5, an.de.vries@school.nl) already exists."));
        assertEquals(
                "ERROR: new row violates check constraint \"employment_check\"\n  Detail: Failing row contains (…).",
                LogScrub.text(
                        "ERROR: new row violates check constraint \"employment_check\"\n"
                                + "  Detail: Failing row contains (5, 1, An (Anna) de Vries, an@school.nl, 2024-09-01, null)."));
        assertEquals(
                "ERROR: invalid input syntax for type integer: \"…\"",
                LogScrub.text("ERROR: invalid input syntax for type integer: \"An de Vries\""));
        assertEquals(
                "recipient address not accepted: 550 5.1.1 <<e-mail>>: Recipient address rejected",
                LogScrub.text(
                        "recipient address not accepted: 550 5.1.1 <an.de-vries+tour@school.example.nl>: Recipient address rejected"));
        assertEquals(
                "Connection to <ip>:5432 refused; from <ip> and <ip> and [<ip>]:443",
                LogScrub.text(
                        "Connection to 10.0.0.12:5432 refused; from 2001:db8::1 and fe80:0:0:0:0:0:0:1 and [::1]:443"));
        // times, versions and ids stay
        String kept = "at 12:30:00, Quarkus 3.34.1, attempt 7f3e2a1c-1b2d-4e5f-8a9b-0c1d2e3f4a5b, SQL state 23505";
        assertEquals(kept, LogScrub.text(kept));
        assertNull(LogScrub.text(null));
    }

    @Test
    void anExceptionIsLoggedWithItsClassesAndFramesAndScrubbedMessages() {
        Exception sql = new SQLException("ERROR: x\n  Detail: Key (email)=(an@school.nl) already exists.", "23505");
        RuntimeException e = new IllegalStateException("could not execute statement for an@school.nl", sql);
        e.addSuppressed(new RuntimeException("from 192.168.1.20"));
        Throwable logged = LogScrub.throwable(e);
        StringWriter text = new StringWriter();
        logged.printStackTrace(new PrintWriter(text));
        String out = text.toString();
        assertTrue(out.startsWith("java.lang.IllegalStateException: could not execute statement for <e-mail>"), out);
        assertTrue(
                out.contains("Caused by: java.sql.SQLException: ERROR: x\n  Detail: Key (email)=(…) already exists."),
                out);
        assertTrue(out.contains("Suppressed: java.lang.RuntimeException: from <ip>"), out);
        assertTrue(
                out.contains(
                        "at nl.meldcodetour.core.LogScrubTest.anExceptionIsLoggedWithItsClassesAndFramesAndScrubbedMessages"),
                out);
        assertFalse(out.contains("an@school.nl") || out.contains("192.168.1.20"), out);
        assertEquals(e.getStackTrace().length, logged.getStackTrace().length);
    }
}
