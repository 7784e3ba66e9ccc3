package org.iisdiag.conclusions;

import java.util.Collection;
import java.util.TreeSet;

import org.iisdiag.facts.IisStatusCount;

/** Turns observed status counts into the text rules put into actions (e.g. a FREB statusCodes list). */
public final class StatusCodes {
    private StatusCodes() {
    }

    /**
     * The codes in a FREB {@code failureDefinitions statusCodes} list: "404.13,500.19"; a 0 substatus
     * becomes the bare status (FREB then traces every substatus of it).
     */
    public static String forFreb(Collection<?> counts) {
        TreeSet<String> codes = new TreeSet<>();
        for (Object o : counts) {
            if (o instanceof IisStatusCount c) {
                codes.add(c.substatus() == 0 ? Integer.toString(c.status()) : c.code());
            }
        }
        return String.join(",", codes);
    }

    /** The most frequent URI of an error population, or "/" when none was recorded. */
    public static String topUri(IisStatusCount c) {
        return c.topUris().isEmpty() ? "/" : c.topUris().get(0).uri();
    }

    /** "1,234" style count for prose. */
    public static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
