package org.ringback.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringback.shared.Refusal;

/**
 * Which column feeds which field: the user's {@code column=field} choices first, then the header names of
 * common phone systems. A file needs a phone column and a date (or date and time) column.
 */
record ColumnMapping(Map<ImportField, Integer> columns) {

    ColumnMapping {
        columns = Map.copyOf(columns);
    }

    static ColumnMapping of(List<String> headers, Map<String, String> userMap) {
        var chosen = new EnumMap<ImportField, Integer>(ImportField.class);
        var errors = new ArrayList<Refusal.FieldError>();
        userMap.forEach((column, fieldName) -> {
            Optional<ImportField> field = ImportField.named(fieldName);
            int index = indexOf(headers, column);
            if (field.isEmpty()) {
                errors.add(new Refusal.FieldError("map", "names an unknown field (one of " + List.of(ImportField.values()) + ")"));
            } else if (index < 0) {
                errors.add(new Refusal.FieldError("map", "names a column the file does not have"));
            } else {
                chosen.put(field.get(), index);
            }
        });
        var ranks = new EnumMap<ImportField, Integer>(ImportField.class);
        for (int i = 0; i < headers.size(); i++) {
            final int column = i;
            if (chosen.containsValue(column)) {
                continue;
            }
            for (ImportField field : ImportField.values()) {
                if (chosenByUser(userMap, field)) {
                    continue;
                }
                ImportField.rank(field, headers.get(i)).ifPresent(rank -> {
                    if (!ranks.containsKey(field) || rank < ranks.get(field)) {
                        ranks.put(field, rank);
                        chosen.put(field, column);
                    }
                });
            }
        }
        if (!chosen.containsKey(ImportField.PHONE)) {
            errors.add(new Refusal.FieldError("PHONE", "no column recognised; name it with --map column=PHONE"));
        }
        if (!chosen.containsKey(ImportField.RECEIVED_AT) && !chosen.containsKey(ImportField.DATE)) {
            errors.add(new Refusal.FieldError("RECEIVED_AT", "no date column recognised; name it with --map column=RECEIVED_AT"));
        }
        if (!errors.isEmpty()) {
            throw new Refusal.RuleViolation("The file's columns could not be mapped", errors);
        }
        return new ColumnMapping(chosen);
    }

    Optional<Integer> column(ImportField field) {
        return Optional.ofNullable(columns.get(field));
    }

    /** The mapping as "header → field" for the user to check, in the file's column order. */
    Map<String, ImportField> describe(List<String> headers) {
        var described = new LinkedHashMap<String, ImportField>();
        columns.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(entry -> described.put(headers.get(entry.getValue()), entry.getKey()));
        return described;
    }

    private static boolean chosenByUser(Map<String, String> userMap, ImportField field) {
        return userMap.values().stream().anyMatch(name -> ImportField.named(name).filter(field::equals).isPresent());
    }

    private static int indexOf(List<String> headers, String column) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).trim().equalsIgnoreCase(column.trim())) {
                return i;
            }
        }
        return -1;
    }
}
