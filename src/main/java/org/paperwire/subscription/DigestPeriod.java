package org.paperwire.subscription;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One delivery slot of a subscriber: {@code key} is unique per subscriber and period ("2026-03-29" for a daily
 * digest, "2026-03-29/weekly" for a weekly one); the outbox holds at most one digest per key.
 *
 * @param localDate the delivery day in the subscriber's time zone
 * @param scheduledAt the delivery hour of that day as an instant
 */
public record DigestPeriod(String key, LocalDate localDate, Instant scheduledAt) {}
