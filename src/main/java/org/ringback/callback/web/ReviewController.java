package org.ringback.callback.web;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.ringback.callback.EndOfDay;
import org.ringback.callback.EndOfDayReview;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReviewController {

    private final EndOfDay endOfDay;

    ReviewController(EndOfDay endOfDay) {
        this.endOfDay = endOfDay;
    }

    @GetMapping("/api/v1/practices/{practiceId}/review/end-of-day")
    EndOfDayReview endOfDay(@PathVariable UUID practiceId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return endOfDay.review(practiceId, Optional.ofNullable(date));
    }
}
