package org.iisdiag.evidence.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of a configuration file as {@link ConfigXml} kept it: its local name, the line its start
 * tag begins on, the attributes that are safe to keep (secrets are dropped while parsing) and its child
 * elements. Text content is never kept.
 */
final class XmlElement {
    private final String name;
    private final long line;
    /** name, value, name, value ... (small: a config element has a handful of attributes). */
    private final String[] attrs;
    private List<XmlElement> children;

    XmlElement(String name, long line, String[] attrs) {
        this.name = name;
        this.line = line;
        this.attrs = attrs;
    }

    String name() {
        return name;
    }

    long line() {
        return line;
    }

    void add(XmlElement child) {
        if (children == null) {
            children = new ArrayList<>(4);
        }
        children.add(child);
    }

    /** The attribute's value as written, or null when absent (IIS attribute names are case-sensitive). */
    String attr(String attrName) {
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i].equals(attrName)) {
                return attrs[i + 1];
            }
        }
        return null;
    }

    boolean has(String attrName) {
        return attr(attrName) != null;
    }

    /** The first child with this name, or null. */
    XmlElement child(String childName) {
        if (children != null) {
            for (XmlElement c : children) {
                if (c.name.equals(childName)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The first child, then its first child ... along the path; null when any step is missing. */
    XmlElement path(String... names) {
        XmlElement e = this;
        for (String n : names) {
            e = e.child(n);
            if (e == null) {
                return null;
            }
        }
        return e;
    }

    /** All children in document order. */
    List<XmlElement> children() {
        return children == null ? List.of() : List.copyOf(children);
    }

    List<XmlElement> children(String childName) {
        if (children == null) {
            return List.of();
        }
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "<" + name + "> at line " + line;
    }
}
