package org.iisdiag.evidence;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.iisdiag.casefolder.CaseFile;
import org.iisdiag.facts.EvidenceKind;

/**
 * Which server a log belongs to when one case holds several servers' logs (an ARR front end and its back
 * ends, the nodes of a farm): engineers put each server's files in a folder named after it. Only when
 * IIS logs sit in two or more top-level folders are those folders taken as server names (a single
 * "logs/" folder, or an "HTTPERR/" folder next to the site logs, names nothing); the HTTPERR logs and
 * traces in such a folder belong to that server. A field of the log itself (s-computername) wins.
 */
public final class ServerFolders {
    /**
     * Folders that name a site's logs or a part of one server's collection (the layout of IIS itself and
     * of Collect-IisCase.ps1), never a server: W3SVC1/ and W3SVC2/ side by side are two sites.
     */
    private static final java.util.regex.Pattern NOT_A_SERVER = java.util.regex.Pattern.compile(
            "(?i)(W3SVC|FTPSVC|SMTPSVC)\\d*|HTTPERR|LogFiles|logs?|FailedReqLogFiles|inetpub|iis|events?|config|"
                    + "ancm|stdout|traces?|freb");

    private final Set<String> folders;

    private ServerFolders(Set<String> folders) {
        this.folders = folders;
    }

    public static ServerFolders of(List<CaseFile> files) {
        Set<String> found = new TreeSet<>();
        boolean atTop = false;
        for (CaseFile f : files) {
            if (f.kind() == EvidenceKind.IIS_W3C_LOG) {
                String top = f.topFolder();
                if (top.isEmpty() || NOT_A_SERVER.matcher(top).matches()) {
                    atTop = true;
                } else {
                    found.add(top);
                }
            }
        }
        return new ServerFolders(found.size() + (atTop ? 1 : 0) >= 2 ? found : Set.of());
    }

    /** The server the file's folder names, or "". */
    public String of(CaseFile file) {
        String top = file.topFolder();
        return folders.contains(top) ? top : "";
    }
}
