package org.iisdiag.knowledge;

import org.iisdiag.facts.RecordEquality;

/**
 * A native exception code of a process crash (Application Error 1000, WER): 0xc00000fd stack overflow,
 * 0xc0000005 access violation, 0xe0434352 CLR exception ... with what it means and the diagnosis of a
 * worker process that crashes with it.
 */
public record ExceptionCode(String code, String name, String meaning, String diagnosis) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "exception code " + code + " " + name;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
