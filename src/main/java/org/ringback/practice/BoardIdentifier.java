package org.ringback.practice;

/** How the board names patients: by full name, or by initials and the last four of the MRN or phone. */
public enum BoardIdentifier {
    FULL_NAME, INITIALS;

    /** The identifier a board row shows for a patient (or an unknown caller's phone). */
    public String identify(String displayName, String mrn, String phone) {
        if (this == FULL_NAME && displayName != null) {
            return displayName;
        }
        String digits = mrn != null ? mrn : phone != null ? phone : "";
        String lastFour = digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
        if (displayName == null || displayName.isBlank()) {
            return "…" + lastFour;
        }
        var initials = new StringBuilder();
        for (String part : displayName.trim().split("\\s+")) {
            initials.append(Character.toUpperCase(part.charAt(0))).append('.');
        }
        return initials + (lastFour.isEmpty() ? "" : " …" + lastFour);
    }
}
