package org.ringback.practice.web;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ringback.practice.Category;
import org.ringback.practice.ClosureOutcome;
import org.ringback.practice.Ladder;
import org.ringback.practice.PracticeDirectory;
import org.ringback.practice.ResponseWindow;
import org.ringback.shared.Refusal;
import org.ringback.web.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CategoryController {

    enum WindowKind { WITHIN, SAME_DAY, NEXT_BUSINESS_DAY }

    record WindowJson(@NotNull WindowKind kind, Duration duration, @JsonFormat(pattern = "HH:mm") LocalTime cutoff,
                      @JsonFormat(pattern = "HH:mm") LocalTime by) {
        static WindowJson of(ResponseWindow window) {
            if (window instanceof ResponseWindow.Within within) {
                return new WindowJson(WindowKind.WITHIN, within.duration(), null, null);
            }
            if (window instanceof ResponseWindow.SameDay sameDay) {
                return new WindowJson(WindowKind.SAME_DAY, null, sameDay.cutoff(), null);
            }
            return new WindowJson(WindowKind.NEXT_BUSINESS_DAY, null, null, ((ResponseWindow.NextBusinessDay) window).by());
        }

        ResponseWindow toWindow() {
            return switch (kind) {
                case WITHIN -> {
                    if (duration == null || duration.isNegative() || duration.isZero() || duration.toDays() > 30) {
                        throw new Refusal.InvalidInput("responseWindow.duration", "a WITHIN window needs a positive duration of at most 30 days");
                    }
                    yield new ResponseWindow.Within(duration);
                }
                case SAME_DAY -> {
                    if (cutoff == null) {
                        throw new Refusal.InvalidInput("responseWindow.cutoff", "a SAME_DAY window needs a cutoff time");
                    }
                    yield new ResponseWindow.SameDay(cutoff);
                }
                case NEXT_BUSINESS_DAY -> new ResponseWindow.NextBusinessDay(by);
            };
        }
    }

    /** {@code busyRetry} and {@code deadNumber} are optional: left out, they take the defaults. */
    record LadderJson(@Min(1) @Max(10) int maxAttempts, @NotNull Duration minGap, boolean differentWindow, Duration busyRetry,
                      Ladder.DeadNumber deadNumber) {
        Ladder toLadder() {
            Duration retry = busyRetry == null ? Ladder.DEFAULT_BUSY_RETRY : busyRetry;
            if (retry.isNegative() || retry.compareTo(Ladder.MAX_BUSY_RETRY) > 0) {
                throw new Refusal.InvalidInput("ladder.busyRetry", "must be a duration between zero (no short retry) and 1 hour");
            }
            return new Ladder(maxAttempts, minGap, differentWindow, retry, deadNumber == null ? Ladder.DeadNumber.OTHER_CHANNEL : deadNumber);
        }
    }

    record CategoryJson(
            String code,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be UPPER_SNAKE, e.g. FRONT_DESK") String queue,
            @NotNull @Valid WindowJson responseWindow,
            @NotNull Duration resolutionTarget,
            @NotNull @Valid LadderJson ladder,
            @NotEmpty Set<@NotNull ClosureOutcome> closureOutcomes,
            List<@NotBlank @Size(max = 60) String> requiredFields,
            boolean clinical,
            boolean referralSensitive) {

        static CategoryJson of(Category c) {
            return new CategoryJson(c.code(), c.name(), c.queue(), WindowJson.of(c.responseWindow()), c.resolutionTarget(),
                    new LadderJson(c.ladder().maxAttempts(), c.ladder().minGap(), c.ladder().differentWindow(), c.ladder().busyRetry(),
                            c.ladder().deadNumber()),
                    c.closureOutcomes(), c.requiredFields(), c.clinical(), c.referralSensitive());
        }
    }

    private final PracticeDirectory directory;

    CategoryController(PracticeDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/practices/{practiceId}/categories")
    Page<CategoryJson> list(@PathVariable UUID practiceId) {
        return Page.of(directory.categories(practiceId).stream().map(CategoryJson::of).toList());
    }

    @PutMapping("/api/v1/practices/{practiceId}/categories/{code}")
    CategoryJson replace(@PathVariable UUID practiceId,
                         @PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be UPPER_SNAKE") String code,
                         @Valid @RequestBody CategoryJson body) {
        if (body.code() != null && !body.code().equals(code)) {
            throw new Refusal.InvalidInput("code", "must match the code in the path");
        }
        if (body.resolutionTarget().isNegative() || body.resolutionTarget().isZero()) {
            throw new Refusal.InvalidInput("resolutionTarget", "must be a positive duration");
        }
        if (body.ladder().minGap().isNegative()) {
            throw new Refusal.InvalidInput("ladder.minGap", "must not be negative");
        }
        var category = new Category(code, body.name(), body.queue(), body.responseWindow().toWindow(), body.resolutionTarget(),
                body.ladder().toLadder(),
                body.requiredFields() == null ? List.of() : body.requiredFields(), body.closureOutcomes(),
                body.clinical(), body.referralSensitive());
        return CategoryJson.of(directory.replaceCategory(practiceId, category));
    }
}
