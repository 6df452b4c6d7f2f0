/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed text and e-mail addresses (issue #28, points 6 and 9). */
class InputTest {

    @Test
    void realAddressesAreAccepted() {
        for (String address : List.of(
                "piet@school.nl",
                "Anne-Marie.de.Vries@ggd-flevoland.nl",
                "o'brien@example.org",
                "team+meldcode@sub.example.co.uk",
                "a1@b2.nl")) {
            Map<String, String> errors = new HashMap<>();
            assertEquals(address.toLowerCase(Locale.ROOT), Input.email(address, "email", true, errors), address);
            assertEquals(Map.of(), errors, address);
        }
    }

    @Test
    void formulasAndOtherNonAddressesAreRefused() {
        for (String address : List.of(
                "=hyperlink(\"http://evil.example/x\",\"klik\")&\"@x.nl\"",
                "=1+1@x.nl",
                "+31@x.nl",
                "-x@x.nl",
                "@x.nl",
                "piet@",
                "piet@school",
                "piet@@school.nl",
                "piet school@x.nl",
                "\"piet\"@x.nl",
                "piet@-x.nl",
                "piet@x.1")) {
            Map<String, String> errors = new HashMap<>();
            assertNull(Input.email(address, "email", true, errors), address);
            assertEquals(
                    "Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.", errors.get("email"), address);
        }
    }

    @Test
    void anAddressWithALineBreakIsRefused() {
        Map<String, String> errors = new HashMap<>();
        assertNull(Input.email("piet@x.nl\r\nBcc: iemand@y.nl", "email", true, errors));
        assertEquals("Gebruik één regel, zonder regeleinden of tabs.", errors.get("email"));
    }

    @Test
    void textIsOneLine() {
        for (String name : List.of("Piet\nJansen", "Piet\r\nBcc: x@y.nl", "Piet\tJansen", "Piet\u2028Jansen")) {
            Map<String, String> errors = new HashMap<>();
            assertNull(Input.text(name, "name", 200, true, errors), name);
            assertEquals("Gebruik één regel, zonder regeleinden of tabs.", errors.get("name"));
        }
        Map<String, String> errors = new HashMap<>();
        assertEquals(
                "Piet Jansen",
                Input.text("  Piet Jansen \n", "name", 200, true, errors),
                "outer whitespace is trimmed");
        assertEquals(Map.of(), errors);
    }

    @Test
    void everyCsvCellIsNeutralisedButNumbersStayNumbers() {
        String csv = ExcelCsv.of(
                List.of("Naam", "E-mail", "Getal"),
                List.of(List.of("=SUM(A1)", "=hyperlink(\"x\")&\"@x.nl\"", "-0,12"), List.of("@cmd", "+31 6", "42")));
        assertEquals(
                "\uFEFFNaam;E-mail;Getal\r\n'=SUM(A1);\"'=hyperlink(\"\"x\"\")&\"\"@x.nl\"\"\";-0,12\r\n'@cmd;'+31 6;42\r\n",
                csv);
    }
}
