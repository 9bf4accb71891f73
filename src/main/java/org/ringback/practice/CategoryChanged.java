package org.ringback.practice;

import java.util.UUID;

/**
 * Published inside the transaction that replaces a category, so that open items of that category get due times
 * from its new response window and resolution target in the same transaction.
 */
public record CategoryChanged(UUID practiceId, String code) {
}
