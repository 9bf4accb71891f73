package org.ringback.callback;

import java.util.Optional;

/**
 * The board's filters, as they stand in the page's URL.
 *
 * @param mine    only items owned by the signed-in user
 * @param overdue only items whose due time has passed
 * @param waiting PATIENT or INTERNAL: only items waiting on the patient, or on an internal action
 */
public record BoardQuery(boolean mine, Optional<String> queue, Optional<String> category, boolean overdue, Optional<String> waiting) {

    public static final BoardQuery ALL = new BoardQuery(false, Optional.empty(), Optional.empty(), false, Optional.empty());
}
