package org.iisdiag.knowledge;

import java.util.List;

/**
 * The sections of "Troubleshoot 4xx and 5xx HTTP errors in IIS" that rules and catalog entries cite,
 * plus the cross-cutting packs. One list, so a typo in a rule or a catalog is caught at load.
 */
public final class ArticleSection {
    public static final List<String> ALL = List.of(
            "Identify 4xx errors",
            "General IIS 500 errors",
            "Classic ASP 500 errors",
            "ASP.NET 500 errors",
            "ASP.NET Core 500 errors",
            "ARR 502 errors",
            "503 errors",
            "Data collection: Failed Request Tracing",
            "Data collection: detailed errors",
            "Data collection: memory dumps and PerfView",
            "Data collection: logs",
            "Benign patterns",
            "Classification",
            "What is known",
            "What changed",
            "Servers of a farm",
            "Planning",
            "Ranking");

    private ArticleSection() {
    }

    public static boolean isKnown(String section) {
        return ALL.contains(section);
    }
}
