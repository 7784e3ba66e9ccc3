package org.iisdiag.classified;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.iisdiag.facts.ClassicAspError;

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
}
