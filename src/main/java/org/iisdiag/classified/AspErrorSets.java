package org.iisdiag.classified;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.iisdiag.facts.AspLimitsConfig;
import org.iisdiag.facts.ClassicAspError;
import org.iisdiag.facts.IisStatusCount;

/**
 * Classic ASP errors of one kind on one site, concluded together: a setting of the site (ASP parent paths)
 * makes every page it touches fail the same way, so the fix is said once for the site with all its pages.
 * Orders are by page then line, so the cause that concludes and the lists are the same from run to run.
 */
public final class AspErrorSets {
    private static final Comparator<ClassicAspError> ORDER = Comparator.comparing(ClassicAspError::page)
            .thenComparingInt(ClassicAspError::line).thenComparing(ClassicAspError::code);

    private AspErrorSets() {
    }

    /** Whether two exception sources are Classic ASP errors of the same site. */
    public static boolean sameSite(Object a, Object b) {
        return a instanceof ClassicAspError x && b instanceof ClassicAspError y && Objects.equals(x.site(), y.site());
    }

    private static List<ClassicAspError> errors(Collection<?> causes) {
        return causes.stream().filter(ExceptionCause.class::isInstance).map(c -> ((ExceptionCause) c).source())
                .filter(ClassicAspError.class::isInstance).map(ClassicAspError.class::cast).sorted(ORDER).toList();
    }

    /** The cause whose error comes first by page and line: the one that concludes for the set. */
    public static boolean isFirst(Collection<?> causes, ExceptionCause cause) {
        List<ClassicAspError> all = errors(causes);
        return !all.isEmpty() && all.get(0) == cause.source();
    }

    /** "/hr/leave.asp, /reports/monthly.asp" (each page once). */
    public static String pages(Collection<?> causes) {
        return errors(causes).stream().map(ClassicAspError::page).distinct().collect(Collectors.joining(", "));
    }

    /** "/hr/leave.asp line 4, /reports/monthly.asp line 2". */
    public static String places(Collection<?> causes) {
        return errors(causes).stream().map(e -> e.page() + " line " + (e.line() == 0 ? "-" : String.valueOf(e.line())))
                .distinct().collect(Collectors.joining(", "));
    }

    /** The errors' total count. */
    public static long total(Collection<?> causes) {
        return errors(causes).stream().mapToLong(ClassicAspError::count).sum();
    }

    /**
     * The ASP response buffer limit the configuration levels in the case give ({@link AspLimitsConfig}): a value
     * written on a level wins over the default, the most specific {@code <location>} first; without any level,
     * the IIS default, said to be assumed.
     */
    public static String bufferingLimit(Collection<?> limits) {
        List<AspLimitsConfig> all = limits.stream().filter(AspLimitsConfig.class::isInstance).map(AspLimitsConfig.class::cast)
                .toList();
        AspLimitsConfig written = all.stream().filter(l -> l.defaults().isEmpty() && l.bufferingLimitBytes() > 0)
                .max(Comparator.comparingInt((AspLimitsConfig l) -> l.locationPath().length())
                        .thenComparing(AspLimitsConfig::source)).orElse(null);
        if (written != null) {
            return String.format(java.util.Locale.ROOT, "%,d bytes, set at %s", written.bufferingLimitBytes(), written.source());
        }
        String dflt = String.format(java.util.Locale.ROOT, "4 MB (%,d bytes), the IIS default",
                AspLimitsConfig.DEFAULT_BUFFERING_LIMIT);
        return all.isEmpty() ? dflt + " unless the server raised it" : dflt + ": the configuration in the case does not raise it";
    }

    /**
     * Whether an IIS log status key ({@link IisStatusCount}) holds these errors and nothing else: the same site and
     * exactly the errors' total count (other script errors logged with the same status would blur its time-taken).
     */
    public static boolean holdsOnly(Collection<?> causes, IisStatusCount c) {
        List<ClassicAspError> errors = errors(causes);
        return !errors.isEmpty() && c.site().equalsIgnoreCase(errors.get(0).site()) && c.count() == total(causes);
    }

    /** The time-taken range of the first status key that logged one ("90,171-90,312 ms"), "" when none did. */
    public static String timeTaken(Collection<?> statusCounts) {
        return statusCounts.stream().filter(IisStatusCount.class::isInstance).map(IisStatusCount.class::cast)
                .filter(c -> c.timeTaken() != null && c.timeTaken().known())
                .map(c -> c.timeTaken().describe()).findFirst().orElse("");
    }
}
