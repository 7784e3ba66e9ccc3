package org.iisdiag.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.classified.Classified;
import org.iisdiag.engine.RuleFiles;
import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.lint.LintMessage.Level;

/**
 * A fact matched inside {@code exists( ... )} is not bound, so a rule that concludes cannot pass it as
 * evidence, and its conclusion would show less than it rests on. This finds evidence types under
 * {@code exists} in rules that conclude (diagnose, know, ask); the fix is to bind them, e.g.
 * {@code $all : List( !isEmpty() ) from collect( Type(...) )}, and pass them to {@code evidence(...)}.
 */
final class EvidenceUnderExists {
    private static final Pattern EXISTS = Pattern.compile("\\bexists\\s*\\(");
    private static final Pattern TYPE = Pattern.compile("(?<![\\w.$])([A-Z]\\w*)\\s*\\(");
    private static final Pattern CONCLUDES = Pattern.compile("\\b(diagnose|know|ask)\\s*\\(\\s*kcontext");

    private EvidenceUnderExists() {
    }

    static List<LintMessage> check(Path rulesDir) {
        List<LintMessage> out = new ArrayList<>();
        if (!Files.isDirectory(rulesDir)) {
            return out;
        }
        try {
            for (Path file : RuleFiles.list(rulesDir)) {
                String display = RuleFiles.displayName(rulesDir, file);
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String[] lines = text.split("\n", -1);
                int ruleStart = -1;
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].startsWith("rule ")) {
                        ruleStart = i;
                    } else if (ruleStart >= 0 && lines[i].strip().equals("end")) {
                        check(display, lines, ruleStart, i, out);
                        ruleStart = -1;
                    }
                }
            }
        } catch (IOException e) {
            out.add(new LintMessage(rulesDir.toString(), 0, 0, Level.ERROR, "cannot read rules: " + e.getMessage()));
        }
        return out;
    }

    private static void check(String file, String[] lines, int from, int to, List<LintMessage> out) {
        StringBuilder rhs = new StringBuilder();
        boolean then = false;
        for (int i = from; i <= to; i++) {
            if (lines[i].strip().equals("then")) {
                then = true;
            } else if (then) {
                rhs.append(lines[i]).append('\n');
            }
        }
        if (!CONCLUDES.matcher(rhs).find()) {
            return;
        }
        for (int i = from; i <= to && !lines[i].strip().equals("then"); i++) {
            String line = lines[i].replaceAll("//.*", "");
            Matcher e = EXISTS.matcher(line);
            while (e.find()) {
                Matcher t = TYPE.matcher(line.substring(e.end()));
                while (t.find()) {
                    if (isEvidence(t.group(1))) {
                        out.add(new LintMessage(file, i + 1, e.start() + 1, Level.ERROR, "evidence " + t.group(1)
                                + " matched under exists(...) is not recorded in the conclusion: bind it (e.g. from collect) and pass it to evidence(...)"));
                    }
                }
            }
        }
    }

    private static boolean isEvidence(String simpleName) {
        for (String pkg : List.of("org.iisdiag.facts.", "org.iisdiag.classified.")) {
            try {
                Class<?> c = Class.forName(pkg + simpleName, false, EvidenceUnderExists.class.getClassLoader());
                return EvidenceFact.class.isAssignableFrom(c) || Classified.class.isAssignableFrom(c);
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        return false;
    }
}
