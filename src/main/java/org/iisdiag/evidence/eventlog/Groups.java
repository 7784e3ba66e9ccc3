package org.iisdiag.evidence.eventlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iisdiag.facts.EventTimes;
import org.iisdiag.facts.SampleLine;

/**
 * Events aggregated by an identity key: the first event's details ({@code proto}), a count, the time span
 * and up to {@link #SAMPLES} samples. At most {@code maxKeys} keys; {@link #add} says when a new key did
 * not fit, so the caller can count the event elsewhere.
 */
final class Groups<P> {
    static final int SAMPLES = 3;

    interface Finisher<P, F> {
        F finish(P proto, long count, EventTimes times, List<SampleLine> samples);
    }

    private static final class Acc<P> {
        final P proto;
        long count;
        EventTimes times;
        final List<SampleLine> samples = new ArrayList<>(SAMPLES);

        Acc(P proto, EventTimes times) {
            this.proto = proto;
            this.times = times;
        }
    }

    private final int maxKeys;
    private final Map<List<Object>, Acc<P>> groups = new HashMap<>();

    Groups(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** Counts one event; false (and nothing counted) when the key is new and the cap is reached. */
    boolean add(List<Object> key, P proto, EventTimes times, SampleLine sample) {
        Acc<P> acc = groups.get(key);
        if (acc == null) {
            if (groups.size() >= maxKeys) {
                return false;
            }
            acc = new Acc<>(proto, times);
            groups.put(key, acc);
        } else {
            acc.times = acc.times.plus(times);
        }
        acc.count++;
        if (acc.samples.size() < SAMPLES) {
            acc.samples.add(sample);
        }
        return true;
    }

    int size() {
        return groups.size();
    }

    /** The facts, most frequent first, ties by key text (deterministic). */
    <F> List<F> facts(Finisher<P, F> finisher) {
        List<Map.Entry<List<Object>, Acc<P>>> entries = new ArrayList<>(groups.entrySet());
        entries.sort((a, b) -> {
            int c = Long.compare(b.getValue().count, a.getValue().count);
            return c != 0 ? c : a.getKey().toString().compareTo(b.getKey().toString());
        });
        List<F> out = new ArrayList<>(entries.size());
        for (Map.Entry<List<Object>, Acc<P>> e : entries) {
            Acc<P> a = e.getValue();
            out.add(finisher.finish(a.proto, a.count, a.times, List.copyOf(a.samples)));
        }
        return out;
    }
}
