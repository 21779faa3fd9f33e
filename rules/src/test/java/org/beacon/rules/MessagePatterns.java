package org.beacon.rules;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the tests of message bundles compare between two languages: the arguments a pattern uses. */
public final class MessagePatterns {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");

    private MessagePatterns() {
    }

    /** The argument numbers of a {@link java.text.MessageFormat} pattern: {@code {0}}, {@code {1,number}} … */
    public static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
