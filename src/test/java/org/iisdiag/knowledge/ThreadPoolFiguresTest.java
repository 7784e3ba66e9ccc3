package org.iisdiag.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadPoolFiguresTest {

    @Test
    void busyWorkersAboveTheMinimumAreAStarvedPool() {
        ThreadPoolFigures f = ThreadPoolFigures.of(Map.of("workerBusy", "214", "workerMin", "8", "iocpBusy", "0", "iocpMin", "8"));

        assertThat(f.starved()).isTrue();
        assertThat(f.describe()).isEqualTo("WORKER Busy=214 against Min=8");
    }

    @Test
    void busyIoThreadsAboveTheMinimumAreNamedToo() {
        ThreadPoolFigures f = ThreadPoolFigures.of(Map.of("workerBusy", "3", "workerMin", "4", "iocpBusy", "6", "iocpMin", "4"));

        assertThat(f.starved()).isTrue();
        assertThat(f.describe()).isEqualTo("IOCP Busy=6 against Min=4");
    }

    @Test
    void busyCountsAtOrBelowTheMinimumAreNotStarvation() {
        ThreadPoolFigures f = ThreadPoolFigures.of(Map.of("workerBusy", "4", "workerMin", "4", "iocpBusy", "1", "iocpMin", "4"));

        assertThat(f.starved()).isFalse();
    }

    @Test
    void aMessageWithoutFiguresSaysNothingAboutThePool() {
        ThreadPoolFigures f = ThreadPoolFigures.of(Map.of());

        assertThat(f.starved()).isFalse();
        assertThat(f.workerBusy()).isEqualTo(-1);
    }
}
