package org.iisdiag.knowledge;

import org.iisdiag.facts.RecordEquality;

/** A file extension of static content and the media type IIS should serve it with (media-types.yaml). */
public record MediaType(String extension, String mimeType, String note) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "media type " + extension;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
