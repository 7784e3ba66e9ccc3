package org.iisdiag.engine;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rewrites a rule file's {@code import some.pkg.*;} into one import per class of that package, on the
 * same line, before it is compiled; the file on disk is not touched.
 *
 * <p>Why: MVEL compiles the pack's {@code from} and accessor expressions when a rule base is built, also
 * from the compiled-rule cache, and it tries every identifier it meets ({@code $e}, {@code count},
 * {@code kb}) as a class of every wildcard-imported package, with inner-class variants: over a thousand
 * failed class loads per start, each throwing through three class loaders. Named imports are a map lookup.
 * The meaning is the same: the same classes are importable by the same simple names.
 *
 * <p>A package is expanded only when its classes can be listed (a jar or a folder on the class path, not
 * the JDK's own) and loaded; only its public classes are imported, as an on-demand import would; and a
 * file is left as written when an expanded name would clash with another import or a type it declares.
 */
final class WildcardImports {
    private static final Pattern WILDCARD = Pattern.compile("(?m)^([ \\t]*)import[ \\t]+([\\w.]+)\\.\\*[ \\t]*;?[ \\t]*$");
    private static final Pattern NAMED = Pattern.compile("(?m)^[ \\t]*import[ \\t]+([\\w.]+\\.)([\\w]+)[ \\t]*;?[ \\t]*$");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][\\w$]*");
    /** A type the file declares ({@code declare Name}, {@code declare enum Name}): its simple name is taken too. */
    private static final Pattern DECLARED = Pattern.compile("(?m)^[ \\t]*declare[ \\t]+(?:enum[ \\t]+|trait[ \\t]+)?([\\w]+)");

    private final ClassLoader loader;
    private final Map<String, List<String>> classesByPackage = new HashMap<>();
    private final Map<String, List<String>> entriesByJar = new HashMap<>();

    WildcardImports(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * The DRL text with its listable wildcard imports expanded; the same line count. Only the classes whose
     * simple name the text uses as a word are imported: a name the file never writes cannot refer to a class,
     * and each import is a class the compiled pack loads whenever it is read back.
     */
    String expand(String drl) {
        Set<String> words = new HashSet<>();
        Matcher w = WORD.matcher(drl);
        while (w.find()) {
            words.add(w.group());
        }
        Matcher m = WILDCARD.matcher(drl);
        Set<String> names = new HashSet<>();
        Matcher named = NAMED.matcher(drl);
        while (named.find()) {
            names.add(named.group(2));
        }
        Matcher declared = DECLARED.matcher(drl);
        while (declared.find()) {
            names.add(declared.group(1));
        }
        StringBuilder out = new StringBuilder(drl.length() + 4096);
        int last = 0;
        while (m.find()) {
            List<String> classes = classesOf(m.group(2));
            if (classes == null) {
                continue; // left as written
            }
            for (String c : classes) {
                if (!names.add(c.substring(c.lastIndexOf('.') + 1))) {
                    return drl; // a simple name two imports would give: the file compiles as written
                }
            }
            out.append(drl, last, m.start()).append(m.group(1));
            for (String c : classes) {
                if (words.contains(c.substring(c.lastIndexOf('.') + 1))) {
                    out.append("import ").append(c).append("; ");
                }
            }
            last = m.end();
        }
        return out.append(drl, last, drl.length()).toString();
    }

    /** The top-level classes of a package, or null when they cannot be listed. */
    private List<String> classesOf(String pkg) {
        return classesByPackage.computeIfAbsent(pkg, this::list);
    }

    private List<String> list(String pkg) {
        String path = pkg.replace('.', '/');
        Set<String> classes = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            if (!roots.hasMoreElements()) {
                return null;
            }
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("jar")) {
                    for (String name : entries((JarURLConnection) root.openConnection())) {
                        if (name.startsWith(path + "/")) {
                            add(classes, pkg, name.substring(path.length() + 1));
                        }
                    }
                } else if (root.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                        files.forEach(f -> add(classes, pkg, f.getFileName().toString()));
                    }
                } else {
                    return null; // jrt: (the JDK) and anything else: not listed
                }
            }
        } catch (IOException | URISyntaxException | ClassCastException | IllegalArgumentException e) {
            return null;
        }
        List<String> importable = new ArrayList<>();
        for (String name : classes) {
            try {
                // what an on-demand import gives another package: its public classes
                if (java.lang.reflect.Modifier.isPublic(Class.forName(name, false, loader).getModifiers())) {
                    importable.add(name);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                return null;
            }
        }
        return importable.isEmpty() ? null : importable;
    }

    /** The entry names of the connection's jar, read once however many of its packages are listed. */
    private List<String> entries(JarURLConnection c) throws IOException {
        String jarUrl = c.getJarFileURL().toString();
        List<String> names = entriesByJar.get(jarUrl);
        if (names == null) {
            names = new ArrayList<>();
            c.setUseCaches(false);
            try (JarFile jar = c.getJarFile()) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    names.add(e.nextElement().getName());
                }
            }
            entriesByJar.put(jarUrl, names);
        }
        return names;
    }

    /** A class file directly in the package, not a nested class (Outer$Inner) or package-info. */
    private static void add(Set<String> classes, String pkg, String file) {
        if (file.endsWith(".class") && file.indexOf('/') < 0 && file.indexOf('$') < 0 && file.indexOf('-') < 0) {
            classes.add(pkg + "." + file.substring(0, file.length() - ".class".length()));
        }
    }
}
