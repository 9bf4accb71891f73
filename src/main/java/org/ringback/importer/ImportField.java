package org.ringback.importer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a column of a call log or callback list can mean, with the header names phone systems give it.
 * The names are compared lowercase with everything but letters and digits dropped ("Caller ID" = "callerid").
 * An earlier name wins when a file has several (Twilio's "Start Time" over its "Date Created").
 */
public enum ImportField {
    /** The caller's number: RingCentral "From"/"Phone Number", 8x8 "Caller ID", Twilio "From", Weave "Caller Number". */
    PHONE(List.of("phone", "phonenumber", "callerid", "callernumber", "callerphone", "from", "fromnumber", "caller",
            "patientphone", "mobile", "cellphone", "telephone", "number", "ani")),
    /** Date and time in one column: 8x8 and Twilio "Start Time", "Date/Time", "Received". */
    RECEIVED_AT(List.of("datetime", "receivedat", "received", "starttime", "calltime", "callstart", "timestamp",
            "datecreated", "calldatetime", "startdatetime")),
    /** The date alone (RingCentral "Date", with "Time" beside it); a date with a time here is read whole. */
    DATE(List.of("date", "calldate", "startdate")),
    TIME(List.of("time", "calltimeofday")),
    /** RingCentral "Name", 8x8 "Caller Name", Weave "Patient Name". */
    NAME(List.of("name", "callername", "patientname", "patient", "fullname", "contactname", "contact", "callerid name")),
    /** Weave "Notes", voicemail transcriptions, spreadsheet "Reason"/"Message". */
    REASON(List.of("reason", "reasonforcall", "notes", "note", "message", "comments", "comment", "transcription",
            "voicemailtranscription", "transcript", "subject", "description")),
    CATEGORY(List.of("category", "callbackcategory", "requesttype"));

    private final List<String> headerNames;

    ImportField(List<String> headerNames) {
        this.headerNames = headerNames.stream().map(ImportField::normalise).toList();
    }

    /** The field a header name stands for, and how strongly (0 = its first name), if any. */
    static Optional<Integer> rank(ImportField field, String header) {
        int rank = field.headerNames.indexOf(normalise(header));
        return rank < 0 ? Optional.empty() : Optional.of(rank);
    }

    /** The field a user names in {@code --map column=field}: the enum name in any case, or "received" etc. */
    static Optional<ImportField> named(String name) {
        String wanted = normalise(name);
        for (ImportField field : values()) {
            if (normalise(field.name()).equals(wanted)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    static String normalise(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
