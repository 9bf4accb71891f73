package org.ringback.callback;

import java.util.Optional;

/** Which items the board shows: open ones (no status) or one status, narrowed by queue, owner and category. */
public record BoardFilter(Optional<Status> status, Optional<String> queue, Optional<String> owner, Optional<String> category) {
}
