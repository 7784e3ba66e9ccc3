package org.iisdiag.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collection;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.internal.conf.ConstraintJittingThresholdOption;

/**
 * A rule pack read back from the compiled-rule cache: its serialized packages, read once ahead (while the
 * case is read) and again whenever another rule base is built from them, since a package can be added to
 * one rule base only.
 */
final class CachedPack {
    private final byte[] bytes;
    private final int offset;
    private final int length;
    private Collection<KiePackage> ahead;

    /**
     * @param bytes  a stream whose first object is the package collection, at {@code bytes[offset..offset+length)}
     * @param ahead  that collection, already read from those bytes, kept for the first build
     */
    CachedPack(byte[] bytes, int offset, int length, Collection<KiePackage> ahead) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.ahead = ahead;
    }

    /** The packages read ahead, while no rule base has taken them; else null. */
    synchronized Collection<KiePackage> ahead() {
        return ahead;
    }

    /** Packages no rule base holds: those read ahead the first time, a fresh read after that. */
    synchronized Collection<KiePackage> take() {
        Collection<KiePackage> p = ahead;
        ahead = null;
        if (p != null) {
            return p;
        }
        try {
            return read();
        } catch (IOException | ClassNotFoundException e) {
            // the same bytes were read once already: failing now means the JVM changed under us
            throw new IllegalStateException("cannot read the cached rule packages again: " + e, e);
        }
    }

    private Collection<KiePackage> read() throws IOException, ClassNotFoundException {
        try (DroolsObjectInputStream objects = open(bytes, offset, length)) {
            return readPackages(objects);
        }
    }

    static DroolsObjectInputStream open(byte[] bytes, int offset, int length) throws IOException {
        return new DroolsObjectInputStream(new ByteArrayInputStream(bytes, offset, length), CachedPack.class.getClassLoader());
    }

    @SuppressWarnings("unchecked")
    static Collection<KiePackage> readPackages(DroolsObjectInputStream objects) throws IOException, ClassNotFoundException {
        return (Collection<KiePackage>) objects.readObject();
    }

    /** A rule base of {@code packages}, configured as the pack was compiled (see {@link RuleBase}). */
    static KieBase newKieBase(Collection<KiePackage> packages) {
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration();
        conf.setOption(ConstraintJittingThresholdOption.get(RuleBase.JITTING_THRESHOLD));
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(conf);
        base.addPackages(packages);
        return base;
    }
}
