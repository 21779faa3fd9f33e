package org.beacon.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.beacon.service.ChildService;
import org.beacon.service.Http;
import org.junit.jupiter.api.Test;

/**
 * A service started as the README starts it, with {@code -XX:+ExitOnOutOfMemoryError}, ends its process when its
 * heap runs out, so that a supervisor restarts it, instead of living on with Tomcat's threads dead and answering
 * nothing (issue 18, H1). The heap is exhausted by a test-only fault inside a compile.
 */
class OutOfMemoryExitTest {

    /** The exit status HotSpot gives a JVM that ends on its first OutOfMemoryError. */
    private static final int EXIT_ON_OUT_OF_MEMORY = 3;

    @Test
    void aServiceWhoseHeapRunsOutEndsItsProcess() throws Exception {
        GradingFolder folder = GradingFolder.create("out-of-memory");
        try (ChildService child = ChildService.start(folder.log("child.log"),
                List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                folder.arguments("--beacon.fault-injection.compile-exhausts-heap=true"))) {
            Http http = child.http();
            // never answered: the connection ends with the process
            CompletableFuture.runAsync(() -> http.postFiles("/rule-sets", Map.of(), Map.of("grading.xlsx",
                    GradingWorkbooks.grading(25))));

            assertThat(child.awaitExit(ChildService.PATIENCE)).isEqualTo(EXIT_ON_OUT_OF_MEMORY);
            assertThat(child.log()).contains("fills the heap until it runs out")
                    .contains("Terminating due to java.lang.OutOfMemoryError");
        }
    }
}
