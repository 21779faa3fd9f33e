package org.beacon.service.console;

/**
 * The console's pages in the order of its navigation, part 1's and part 2's (issue 20). A page is offered once it
 * exists and the signed-in user's role may open it; which role may is decided by the security configuration alone
 * (see {@link Navigation}).
 */
enum ConsolePage {
    HOME("/console", "nav.home", true),
    RULE_SETS("/console/rule-sets", "nav.ruleSets", true),
    CHECK("/console/rule-sets/check", "nav.check", true),
    DECISIONS("/console/decisions", "nav.decisions", true),
    USERS("/console/users", "nav.users", true),
    AUDIT("/console/audit", "nav.audit", true),
    REPLAYS("/console/replays", "nav.replays", true),
    RISK_MAP("/console/risk-map", "nav.riskMap", true),
    CALIBRATIONS("/console/calibrations", "nav.calibrations", true);

    private final String path;
    private final String label;
    private final boolean built;

    ConsolePage(String path, String label, boolean built) {
        this.path = path;
        this.label = label;
        this.built = built;
    }

    String path() {
        return path;
    }

    /** The message key of its name in the navigation. */
    String label() {
        return label;
    }

    boolean built() {
        return built;
    }

    /** True when {@code path} is this page or one below it. */
    boolean contains(String path) {
        return path.equals(this.path) || (this != HOME && path.startsWith(this.path + "/"));
    }
}
