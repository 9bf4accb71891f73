package org.ringback.practice.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ringback.identity.CurrentUser;
import org.ringback.identity.Identity;
import org.ringback.identity.Role;
import org.ringback.practice.BoardIdentifier;
import org.ringback.practice.CallWindow;
import org.ringback.practice.HoursFormat;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.ringback.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PracticeController {

    record CallWindowJson(@NotBlank String name, @NotNull @JsonFormat(pattern = "HH:mm") LocalTime start,
                          @NotNull @JsonFormat(pattern = "HH:mm") LocalTime end) {
    }

    /** Write-only: stored by the telephony module, never returned. */
    record TelephonyJson(@Size(max = 200) String twilioAuthToken) {
    }

    record PracticeRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank String timeZone,
            @Pattern(regexp = "[A-Z]{2}(-[A-Za-z0-9]{1,10})*", message = "must be a country code like US or US-NY") String holidayCalendar,
            @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter region like US") String phoneRegion,
            @NotEmpty Map<String, List<Map<String, String>>> businessHours,
            Set<@NotNull LocalDate> closures,
            List<@Valid CallWindowJson> callWindows,
            BoardIdentifier boardIdentifier,
            @Valid TelephonyJson telephony) {
    }

    record PracticeView(String id, String name, String timeZone, String holidayCalendar, String phoneRegion,
                        Map<String, List<Map<String, String>>> businessHours, List<LocalDate> closures,
                        List<CallWindowJson> callWindows, BoardIdentifier boardIdentifier) {
        static PracticeView of(Practice p) {
            return new PracticeView(p.id().toString(), p.name(), p.timeZone().getId(), p.holidayCalendar().orElse(null),
                    p.phoneRegion(), HoursFormat.format(p.businessHours()), p.closures().stream().sorted().toList(),
                    p.callWindows().stream().map(w -> new CallWindowJson(w.name(), w.start(), w.end())).toList(), p.boardIdentifier());
        }
    }

    /** A practice's business time, replaced as a whole; open items' due times follow it. */
    record CalendarRequest(
            @Pattern(regexp = "[A-Z]{2}(-[A-Za-z0-9]{1,10})*", message = "must be a country code like US or US-NY") String holidayCalendar,
            @NotEmpty Map<String, List<Map<String, String>>> businessHours,
            Set<@NotNull LocalDate> closures) {
    }

    record PracticeSummary(String id, String name) {
    }

    record Me(String username, String displayName, Set<Role> roles, List<PracticeSummary> practices) {
    }

    private final PracticeDirectory directory;
    private final Identity identity;

    PracticeController(PracticeDirectory directory, Identity identity) {
        this.directory = directory;
        this.identity = identity;
    }

    @PostMapping("/api/v1/practices")
    @ResponseStatus(HttpStatus.CREATED)
    PracticeView create(@Valid @RequestBody PracticeRequest request) {
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw new Refusal.InvalidInput("timeZone", "'" + request.timeZone() + "' is not a time zone (e.g. America/New_York)");
        }
        List<CallWindow> windows;
        try {
            windows = request.callWindows() == null ? CallWindow.DEFAULTS
                    : request.callWindows().stream().map(w -> new CallWindow(w.name(), w.start(), w.end())).toList();
        } catch (IllegalArgumentException e) {
            throw new Refusal.InvalidInput("callWindows", e.getMessage());
        }
        Optional<String> holidays = Optional.ofNullable(request.holidayCalendar());
        holidays.ifPresent(PracticeController::requireKnownHolidayCalendar);
        var practice = new Practice(UUID.randomUUID(), request.name().strip(), zone, holidays,
                request.phoneRegion() == null ? holidays.map(code -> code.substring(0, 2)).orElse("US") : request.phoneRegion(),
                HoursFormat.parse(request.businessHours()),
                request.closures() == null ? Set.of() : request.closures(),
                windows,
                request.boardIdentifier() == null ? BoardIdentifier.FULL_NAME : request.boardIdentifier());
        Optional<String> token = Optional.ofNullable(request.telephony()).map(TelephonyJson::twilioAuthToken)
                .map(String::strip).filter(text -> !text.isEmpty());
        return PracticeView.of(directory.create(practice, token));
    }

    @PutMapping("/api/v1/practices/{practiceId}/calendar")
    PracticeView changeCalendar(@PathVariable UUID practiceId, @Valid @RequestBody CalendarRequest request) {
        Optional<String> holidays = Optional.ofNullable(request.holidayCalendar());
        holidays.ifPresent(PracticeController::requireKnownHolidayCalendar);
        return PracticeView.of(directory.changeCalendar(practiceId, HoursFormat.parse(request.businessHours()), holidays,
                request.closures() == null ? Set.of() : request.closures()));
    }

    @GetMapping("/api/v1/practices")
    Page<PracticeView> list() {
        return Page.of(directory.visibleToCaller().stream().map(PracticeView::of).toList());
    }

    @GetMapping("/api/v1/practices/{practiceId}")
    PracticeView get(@PathVariable UUID practiceId) {
        return PracticeView.of(directory.get(practiceId));
    }

    @GetMapping("/api/v1/me")
    Me me() {
        CurrentUser user = identity.current();
        var practices = directory.visibleToCaller().stream()
                .map(p -> new PracticeSummary(p.id().toString(), p.name())).toList();
        return new Me(user.username(), user.displayName(), user.roles(), practices);
    }

    private static void requireKnownHolidayCalendar(String code) {
        try {
            new org.ringback.practice.JollydayHolidays(code);
        } catch (IllegalArgumentException e) {
            throw new Refusal.InvalidInput("holidayCalendar", "'" + code + "' is not a known holiday calendar");
        }
    }
}
