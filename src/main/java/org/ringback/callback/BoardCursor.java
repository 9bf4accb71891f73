package org.ringback.callback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.ringback.shared.Refusal;

/** Where the next board page starts: the sort key of the last item shown, as an opaque string. */
public record BoardCursor(int urgencyRank, Instant due, UUID id) {

    public String encode() {
        String raw = urgencyRank + "|" + due + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws Refusal.InvalidInput for a cursor this app did not make */
    public static Optional<BoardCursor> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return Optional.of(new BoardCursor(Integer.parseInt(parts[0]), Instant.parse(parts[1]), UUID.fromString(parts[2])));
        } catch (RuntimeException e) {
            throw new Refusal.InvalidInput("cursor", "is not a cursor from a previous page");
        }
    }
}
