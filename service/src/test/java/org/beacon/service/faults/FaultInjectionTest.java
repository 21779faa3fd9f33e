package org.beacon.service.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Fault injection works in the service's tests and nowhere else, whatever the configuration says. */
class FaultInjectionTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void isIgnoredOutsideTheTestClassPathEvenWhenConfigured() throws Exception {
        try (URLClassLoader packagedService = new URLClassLoader(new URL[0], null)) {
            FaultInjection faults = new FaultInjection(MINUTE, MINUTE, 100, MINUTE, MINUTE, true, 0, packagedService);
            assertThat(faults.uploadPause()).isZero();
            assertThat(faults.activationPause()).isZero();
            assertThat(faults.replayFailureAfterSteps()).isEqualTo(-1);
            assertThat(faults.replayPause()).isZero();
            assertThat(faults.compilePause()).isZero();
            assertThat(faults.compileExhaustsHeap()).isFalse();
            assertThat(faults.retentionPauseAfterBatches()).isEqualTo(-1);
        }
    }

    @Test
    void takesEffectOnTheTestClassPath() {
        FaultInjection faults = new FaultInjection(MINUTE, MINUTE, 100, MINUTE, MINUTE, true, 0,
                getClass().getClassLoader());
        assertThat(faults.uploadPause()).isEqualTo(MINUTE);
        assertThat(faults.activationPause()).isEqualTo(MINUTE);
        assertThat(faults.replayFailureAfterSteps()).isEqualTo(100);
        assertThat(faults.replayPause()).isEqualTo(MINUTE);
        assertThat(faults.compilePause()).isEqualTo(MINUTE);
        assertThat(faults.compileExhaustsHeap()).isTrue();
        assertThat(faults.retentionPauseAfterBatches()).isZero();
    }
}
