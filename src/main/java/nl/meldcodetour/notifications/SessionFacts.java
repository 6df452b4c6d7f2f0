/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.notifications;

import java.util.Optional;

/**
 * What a mail about a session says of it, read when the mail is sent (a change after queuing shows): its title,
 * "4 maart 2027, 14:00–16:00" and "Plaats: …". The sessions feature provides it; notifications does not read its
 * tables (docs/architecture.md, "Tables and their owners").
 */
public interface SessionFacts {

    record Facts(String title, String when, String where) {}

    Optional<Facts> of(long sessionId);
}
