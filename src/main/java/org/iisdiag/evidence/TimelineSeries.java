package org.iisdiag.evidence;

/**
 * One series of the case's timeline: entries of a source per minute (IIS 5xx, HTTPERR QueueFull, WAS
 * 5002 events ...). {@code statusClass} picks a class of the timeline's counts (1-5, 0 for entries
 * without a status), or -1 for all of them.
 */
public record TimelineSeries(String id, String label, String source, int statusClass, Timeline timeline) {
    public static final int ALL = -1;

    /** HTTPERR reasons charted one by one; the rest share a series. */
    public static final int HTTPERR_REASONS = 6;

    public long count(Timeline.Bucket b) {
        return statusClass == ALL ? b.total() : b.count(statusClass);
    }

    /**
     * One series per HTTPERR reason, the {@code n} with most entries (then by name), and one for the rest:
     * an outage HTTP.sys absorbed shows as AppOffline or QueueFull, not as an anonymous 503.
     */
    public static java.util.List<TimelineSeries> topReasons(java.util.Map<String, Timeline> byReason, int n) {
        java.util.List<java.util.Map.Entry<String, Timeline>> all = new java.util.ArrayList<>(byReason.entrySet());
        all.sort(java.util.Comparator.comparingLong((java.util.Map.Entry<String, Timeline> e) -> -total(e.getValue()))
                .thenComparing(java.util.Map.Entry::getKey));
        java.util.List<TimelineSeries> out = new java.util.ArrayList<>();
        Timeline rest = new Timeline();
        for (int i = 0; i < all.size(); i++) {
            java.util.Map.Entry<String, Timeline> e = all.get(i);
            if (i < n) {
                out.add(new TimelineSeries("httperr " + e.getKey(), "HTTP.sys " + e.getKey(), "HTTPERR", ALL, e.getValue()));
            } else {
                rest.merge(e.getValue());
            }
        }
        if (!rest.isEmpty()) {
            out.add(new TimelineSeries("httperr other", "HTTP.sys other", "HTTPERR", ALL, rest));
        }
        return out;
    }

    private static long total(Timeline t) {
        long sum = 0;
        for (int c = 0; c < Timeline.CLASSES; c++) {
            sum += t.total(c);
        }
        return sum;
    }
}
