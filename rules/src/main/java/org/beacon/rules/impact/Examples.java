package org.beacon.rules.impact;

import java.util.ArrayList;
import java.util.List;

/** An exact count and the first ids counted, at most a limit of them: what lets a report stay small. */
final class Examples {

    private final int limit;
    private final List<String> ids = new ArrayList<>();
    private long count;

    Examples(int limit) {
        this.limit = limit;
    }

    void add(String id) {
        count++;
        if (ids.size() < limit) {
            ids.add(id);
        }
    }

    long count() {
        return count;
    }

    List<String> ids() {
        return ids;
    }
}
