/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.identity;

/**
 * Fired (synchronously, in the transaction that stored the person) when a person is stored with an e-mail address
 * their identity provider verified. Features that hold invitations by e-mail address bind the unbound ones for this
 * address to the person; rows already bound to someone stay theirs.
 */
public record VerifiedEmail(long personId, String subject, String email) {}
