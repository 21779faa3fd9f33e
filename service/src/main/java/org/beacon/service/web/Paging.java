package org.beacon.service.web;

import java.util.ArrayList;
import java.util.List;
import org.beacon.service.web.InvalidRequestException.FieldError;

/** Paging of lists and progress of runs, checked and computed alike everywhere. */
public final class Paging {

    public static final int MAX_PAGE_SIZE = 500;

    private Paging() {
    }

    /** @throws InvalidRequestException naming {@code ?page} or {@code ?size} when out of range */
    public static void check(int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("?page", "page must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("?size", "size must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    public static int percent(long done, long total) {
        return total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
    }
}
