/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.learning;

import java.util.UUID;

/** Fired (synchronously, inside the transaction) when a pass becomes a completion; certificates listen to it. */
public record CompletionRecorded(UUID completionId, long personId, String moduleId) {}
