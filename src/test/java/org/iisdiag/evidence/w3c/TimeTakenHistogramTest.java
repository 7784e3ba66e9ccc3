package org.iisdiag.evidence.w3c;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TimeTakenHistogramTest {

    @Test
    void holdsExactlyWhatAHistogramFedValueByValueHolds() {
        Random random = new Random(7);
        TimeTakenHistogram fast = new TimeTakenHistogram();
        Histogram plain = new Histogram(2);
        for (int i = 0; i < 50_000; i++) {
            long ms = random.nextInt(10) == 0 ? random.nextInt(200_000) : random.nextInt(TimeTakenHistogram.DIRECT + 5);
            fast.record(ms);
            plain.recordValue(ms);
        }
        Histogram h = fast.histogram();
        assertThat(h.getTotalCount()).isEqualTo(plain.getTotalCount());
        assertThat(h.getMaxValue()).isEqualTo(plain.getMaxValue());
        assertThat(h.getMinNonZeroValue()).isEqualTo(plain.getMinNonZeroValue());
        for (double p : new double[] {0, 10, 50, 90, 99, 99.9, 100}) {
            assertThat(h.getValueAtPercentile(p)).as("p%s", p).isEqualTo(plain.getValueAtPercentile(p));
        }
        assertThat(h).isEqualTo(plain);
    }

    @Test
    void mergingAndResettingKeepNothingOfTheDirectCountsTwice() {
        TimeTakenHistogram a = new TimeTakenHistogram();
        TimeTakenHistogram b = new TimeTakenHistogram();
        a.record(5);
        a.record(5000);
        b.record(5);
        b.record(7);
        a.merge(b);
        assertThat(a.histogram().getTotalCount()).isEqualTo(4);
        assertThat(a.histogram().getCountAtValue(5)).isEqualTo(2);
        b.reset();
        b.record(9);
        assertThat(b.histogram().getTotalCount()).isEqualTo(1); // the 5 and 7 counted before the reset are gone
        assertThat(b.histogram().getCountAtValue(9)).isEqualTo(1);
        a.merge(b);
        assertThat(a.histogram().getTotalCount()).isEqualTo(5);
    }
}
