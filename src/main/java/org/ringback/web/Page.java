package org.ringback.web;

import java.util.List;

/** A list answer of the API: {@code {"items": [...], "next": cursor-or-null}}. */
public record Page<T>(List<T> items, String next) {

    public static <T> Page<T> of(List<T> items) {
        return new Page<>(items, null);
    }
}
