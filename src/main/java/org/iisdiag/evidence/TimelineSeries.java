package org.iisdiag.evidence;

/**
 * One series of the case's timeline: entries of a source per minute (IIS 5xx, HTTPERR QueueFull, WAS
 * 5002 events ...). {@code statusClass} picks a class of the timeline's counts (1-5, 0 for entries
 * without a status), or -1 for all of them.
 */
public record TimelineSeries(String id, String label, String source, int statusClass, Timeline timeline) {
    public static final int ALL = -1;

    public long count(Timeline.Bucket b) {
        return statusClass == ALL ? b.total() : b.count(statusClass);
    }
}
