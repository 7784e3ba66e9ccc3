package org.iisdiag.knowledge;

/**
 * An entry of one of the knowledge base's catalogs. Rules match entries (`from kb.status(...)`), and the
 * firing trail names them by what identifies them, never by their whole record.
 */
public interface CatalogEntry {
    /** What identifies the entry, with its catalog: "status 500.19", "action collect-iis-logs". */
    String label();
}
