package org.iisdiag.fleet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.iisdiag.casefolder.CaseFile;
import org.iisdiag.casefolder.EvidenceSniffer;

/**
 * The logs under a Hadoop-compatible folder (local, HDFS, S3A, ABFS ...), as the case folder reader
 * would see them: names relative to the folder, hidden files ('.', and '_' as Hadoop writes them)
 * skipped, gzip recognised by its magic bytes, the kind sniffed from the first bytes. Credentials are
 * whatever the Hadoop configuration provides (core-site.xml, fs.s3a.* credential providers, environment).
 */
final class HadoopLogFiles {
    private HadoopLogFiles() {
    }

    /** The files under {@code root}, in name order, with their kind. */
    static List<CaseFile> list(String root, Configuration conf) throws IOException {
        Path rootPath = new Path(root);
        FileSystem fs = rootPath.getFileSystem(conf);
        String prefix = fs.makeQualified(rootPath).toUri().getPath();
        prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        List<CaseFile> files = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(rootPath, true);
        while (it.hasNext()) {
            LocatedFileStatus st = it.next();
            String full = st.getPath().toUri().getPath();
            String name = full.startsWith(prefix) ? full.substring(prefix.length()) : st.getPath().getName();
            if (!st.isFile() || hidden(name)) {
                continue;
            }
            String path = st.getPath().toString();
            byte[] head = new byte[EvidenceSniffer.HEAD_BYTES];
            int n;
            try (InputStream in = open(path, conf)) {
                n = in.readNBytes(head, 0, head.length);
            }
            files.add(new CaseFile(name, EvidenceSniffer.sniff(name, head, n), st.getLen(), () -> open(path, conf)));
        }
        files.sort(Comparator.comparing(CaseFile::name));
        return files;
    }

    private static boolean hidden(String relativeName) {
        for (String part : relativeName.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /** Opens a file, decompressed when it is gzip (by its magic bytes, like the case folder reader). */
    static InputStream open(String path, Configuration conf) throws IOException {
        Path p = new Path(path);
        InputStream raw = new BufferedInputStream(p.getFileSystem(conf).open(p), 1 << 16);
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
    }
}
