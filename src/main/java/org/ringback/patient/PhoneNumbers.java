package org.ringback.patient;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.ringback.shared.Refusal;

/** Phone numbers in one form, E.164, via libphonenumber; the practice's region reads national numbers. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_LENGTH = 40;

    private PhoneNumbers() {
    }

    /**
     * @param field names the input in the refusal, which never repeats the number itself
     * @throws Refusal.InvalidInput when it is not a valid number
     */
    public static String normalise(String raw, String defaultRegion, String field) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
            throw new Refusal.InvalidInput(field, "is not a valid phone number");
        }
        try {
            var number = UTIL.parse(raw, defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                throw new Refusal.InvalidInput(field, "is not a valid phone number");
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new Refusal.InvalidInput(field, "is not a valid phone number");
        }
    }
}
