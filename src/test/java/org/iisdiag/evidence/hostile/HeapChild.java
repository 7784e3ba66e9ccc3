package org.iisdiag.evidence.hostile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.EvidenceCollector;
import org.iisdiag.evidence.ReadReport;

/**
 * Run in a child JVM (-Xmx256m) by {@link HostileHeapTest}: generates one hostile input class in a case
 * folder, reads the case with every reader, and prints "RESULT kind peakHeapMiB files notes".
 */
public final class HeapChild {
    public static void main(String[] args) throws Exception {
        HostileInputs.Kind kind = HostileInputs.Kind.valueOf(args[0]);
        long size = Long.parseLong(args[1]);
        Path dir = Path.of(args[2]);
        HostileInputs.write(kind, size, dir);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        CaseEvidence e = new EvidenceCollector().collect("case", CaseFolder.scan(dir));
        long facts = e.facts().size();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long notes = e.reports().stream().mapToLong(r -> r.notes().size()).sum();
        String failed = e.reports().stream().filter(ReadReport::failed).map(r -> r.file() + ": " + r.fatalError())
                .findFirst().orElse("");
        System.out.println("RESULT " + kind + " " + (peak >> 20) + " " + e.reports().size() + " " + notes + " " + facts
                + " " + failed.replace(' ', '_'));
    }
}
