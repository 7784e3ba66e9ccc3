package org.iisdiag.classified;

import java.util.Collection;
import java.util.TreeSet;

import org.iisdiag.facts.ErrorPage;

/** What saved error pages tell about the folder a request mapped to. */
public final class DocumentPages {
    private DocumentPages() {
    }

    /** The physical path an IIS detailed error names, "" when none does. */
    public static String physicalPath(Collection<?> pages) {
        TreeSet<String> paths = new TreeSet<>();
        for (Object o : pages) {
            if (o instanceof ErrorPage p && !p.physicalPath().isEmpty()) {
                paths.add(p.physicalPath());
            }
        }
        return paths.isEmpty() ? "" : paths.first();
    }
}
