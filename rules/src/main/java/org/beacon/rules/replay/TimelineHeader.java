package org.beacon.rules.replay;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.beacon.rules.model.Message;

/** Where a timeline CSV's known columns are (-1 when absent), and which columns are series. */
final class TimelineHeader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    final List<String> names;
    int date = -1;
    int region = -1;
    int name = -1;
    int level = -1;
    int eventType = -1;
    int source = -1;
    final List<Integer> series = new ArrayList<>();

    /** @param names as in the file; kept without the spaces and control characters around them */
    private TimelineHeader(List<String> names) {
        this.names = names.stream().map(String::trim).toList();
    }

    static TimelineHeader of(List<String> names, String file, List<DataIssue> errors) {
        TimelineHeader h = new TimelineHeader(names);
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String n = h.names.get(i);
            if (!seen.add(n.toLowerCase(Locale.ROOT))) {
                errors.add(DataIssue.error(file + ":1", Message.of("replay.INVALID_VALUE.columnTwice", n)));
                continue;
            }
            switch (n.toLowerCase(Locale.ROOT)) {
                case "date" -> h.date = i;
                case "region", "regioncode", "province_code" -> h.region = i;
                case "regionname", "province", "name" -> h.name = i;
                case "level" -> h.level = i;
                case "eventtype" -> h.eventType = i;
                case "source" -> h.source = i;
                default -> {
                    if (!NAME.matcher(n).matches()) {
                        errors.add(DataIssue.error(file + ":1",
                                Message.of("replay.INVALID_VALUE.columnName", n)));
                    } else {
                        h.series.add(i);
                    }
                }
            }
        }
        if (h.date < 0) {
            errors.add(DataIssue.error(file + ":1", Message.of("replay.MISSING_COLUMN.date")));
        }
        if (h.region < 0) {
            errors.add(DataIssue.error(file + ":1", Message.of("replay.MISSING_COLUMN.region")));
        }
        return errors.isEmpty() ? h : null;
    }
}
