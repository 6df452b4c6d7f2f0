/*
 * SPDX-FileCopyrightText: 2026 Meldcodetour contributors
 * SPDX-License-Identifier: EUPL-1.2
 */
package nl.meldcodetour.core;

/**
 * The answer is being prepared (e.g. figures for a new reference date): what to tell the person, and when to ask
 * again. Not an error: the resources answer it with 202 and Retry-After ({@code core.web.Accepted}).
 */
public record NotReady(String title, String message, int retryAfterSeconds) {}
