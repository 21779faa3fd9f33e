package org.beacon.rules.model;

/** How bad a diagnostic is: errors stop a rule set from being used, warnings and infos do not. */
public enum Severity {
    ERROR, WARNING, INFO
}
