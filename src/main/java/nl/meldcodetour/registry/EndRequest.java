/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.registry;

import java.time.LocalDate;

/** The last day of an aandachtsfunctionaris or of a staff member, as the API takes it. */
public record EndRequest(LocalDate endDate) {}
