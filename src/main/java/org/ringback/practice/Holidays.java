package org.ringback.practice;

import java.time.LocalDate;

/** The public holidays a practice observes. */
@FunctionalInterface
public interface Holidays {

    Holidays NONE = date -> false;

    boolean isHoliday(LocalDate date);
}
