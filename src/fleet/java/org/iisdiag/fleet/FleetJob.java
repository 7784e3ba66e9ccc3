package org.iisdiag.fleet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.iisdiag.casefolder.CaseFile;
import org.iisdiag.evidence.ServerFolders;
import org.iisdiag.evidence.aggregate.AggregateFile;
import org.iisdiag.evidence.aggregate.LogAggregation;

/**
 * Fleet mode: reads the IIS and HTTPERR logs of many servers on a Spark cluster and writes one
 * aggregate file that {@code iisdiag diagnose} takes as evidence. Each log is parsed inside an executor
 * by iisdiag's own reader into an aggregate of its own (one task per file); the driver folds them in
 * name order with the same code as {@code diagnose}, so the facts are those a single machine would get,
 * with the server of each log (s-computername, or the top folder naming it) in every fact.
 *
 * <pre>
 * spark-submit --class org.iisdiag.fleet.FleetJob target-fleet/iisdiag-fleet.jar OUTPUT_FILE INPUT_FOLDER
 * </pre>
 *
 * Paths are any Hadoop file system URI (a local folder, hdfs://, s3a://, abfss://). Credentials come only
 * from the Hadoop configuration (core-site.xml, spark.hadoop.* settings, the default credential
 * providers and their environment variables), never from the command line.
 */
public final class FleetJob {
    private FleetJob() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FleetJob OUTPUT_FILE INPUT_FOLDER   (Hadoop paths: file:, hdfs://, s3a://, abfss:// ...)");
            System.exit(2);
        }
        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setAppName("iisdiag fleet"))) {
            AggregateFile.Contents result = aggregate(sc, args[1]);
            write(result, args[0], sc.hadoopConfiguration());
            System.out.printf("iisdiag fleet: %d log files, %d entries -> %s%n", result.sources().size(),
                    result.sources().stream().mapToLong(AggregateFile.Source::entries).sum(), args[0]);
        }
    }

    /** One log to read: what an executor needs to open and name it. */
    record Task(String name, String path, String kind, long size, String server) implements Serializable {
    }

    /** Aggregates every IIS and HTTPERR log under {@code input}. */
    public static AggregateFile.Contents aggregate(JavaSparkContext sc, String input) throws IOException {
        Configuration conf = sc.hadoopConfiguration();
        Path root = new Path(input);
        String base = root.getFileSystem(conf).makeQualified(root).toString();
        List<CaseFile> files = HadoopLogFiles.list(input, conf);
        ServerFolders servers = ServerFolders.of(files);
        List<Task> tasks = new ArrayList<>();
        for (CaseFile f : files) {
            if (LogAggregation.aggregates(f.kind())) {
                tasks.add(new Task(f.name(), base + (base.endsWith("/") ? "" : "/") + f.name(), f.kind().name(), f.size(),
                        servers.of(f)));
            }
        }
        LogAggregation all = new LogAggregation();
        if (tasks.isEmpty()) {
            return all.result();
        }
        Broadcast<SerializableConfiguration> hadoop = sc.broadcast(new SerializableConfiguration(conf));
        // one partition per file, read back in partition (= name) order: the fold is the one diagnose does
        Iterator<byte[]> parts = sc.parallelize(tasks, tasks.size()).map(t -> readOne(t, hadoop.value().get())).toLocalIterator();
        while (parts.hasNext()) {
            all.add(AggregateFile.read(new ByteArrayInputStream(parts.next())));
        }
        return all.result();
    }

    /** Runs in an executor: one file's aggregate, as aggregate-file bytes. */
    static byte[] readOne(Task t, Configuration conf) throws IOException {
        CaseFile file = new CaseFile(t.name(), org.iisdiag.facts.EvidenceKind.valueOf(t.kind()), t.size(),
                () -> HadoopLogFiles.open(t.path(), conf));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AggregateFile.write(out, LogAggregation.readFile(file, t.server()));
        return out.toByteArray();
    }

    static void write(AggregateFile.Contents result, String output, Configuration conf) {
        Path out = new Path(output);
        try (OutputStream os = out.getFileSystem(conf).create(out, true)) {
            AggregateFile.write(os, result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
    }
}
