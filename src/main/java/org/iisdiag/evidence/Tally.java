package org.iisdiag.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.iisdiag.facts.SampleLine;

/**
 * What a reader keeps of each group of entries it aggregates: how many, the first and last time, and the first
 * few sample lines and example URLs (HAR responses, CORS preflights and sign-in redirects; PHP and wfastcgi
 * errors). A group with more to keep extends it.
 */
public class Tally {
    /** Sample lines (and example URLs) kept per group. */
    public static final int MAX_SAMPLES = 3;

    public long count;
    public Instant first;
    public Instant last;
    public final List<SampleLine> samples = new ArrayList<>();
    public final List<String> urls = new ArrayList<>();

    /** Counts one entry that started at {@code started} (null: time unknown). */
    public void seen(Instant started) {
        count++;
        if (started != null) {
            first = first == null || started.isBefore(first) ? started : first;
            last = last == null || started.isAfter(last) ? started : last;
        }
    }

    /** Whether a sample line would still be kept (build its text only then). */
    public boolean wantsSample() {
        return samples.size() < MAX_SAMPLES;
    }

    /** Keeps the sample while fewer than {@link #MAX_SAMPLES} are kept. */
    public void sample(SampleLine sample) {
        if (samples.size() < MAX_SAMPLES) {
            samples.add(sample);
        }
    }

    /** Keeps a distinct example URL while fewer than {@link #MAX_SAMPLES} are kept. */
    public void url(String url) {
        if (urls.size() < MAX_SAMPLES && !url.isEmpty() && !urls.contains(url)) {
            urls.add(url);
        }
    }

    /** The group of {@code key}, made when new; null when it is new and {@code groups} already holds {@code max}. */
    public static <K, G extends Tally> G groupIn(Map<K, G> groups, K key, int max, Supplier<G> make) {
        G g = groups.get(key);
        if (g == null && groups.size() < max) {
            g = make.get();
            groups.put(key, g);
        }
        return g;
    }
}
