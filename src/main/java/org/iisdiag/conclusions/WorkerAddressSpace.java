package org.iisdiag.conclusions;

import java.util.List;

import org.iisdiag.facts.PoolMemoryLimit;

/**
 * What a 32-bit worker's address space means for the recycling memory limits of its pool. On 64-bit Windows a
 * 32-bit w3wp has 4 GB of user address space, and a .NET worker usually fails with OutOfMemoryException near
 * 3 GB of private bytes, long before when the heap is fragmented: a private memory limit from 3 GB up, or a
 * virtual memory limit from 4 GB up, never recycles the worker before it runs out. Source: KB 2020006
 * "Troubleshoot OutOfMemoryException in ASP.NET".
 */
public final class WorkerAddressSpace {
    /** Private bytes from which a 32-bit worker has normally failed already (3 GB, in KB). */
    static final long PRIVATE_OUT_OF_REACH_KB = 3L * 1024 * 1024;
    /** The whole user address space of a 32-bit worker on 64-bit Windows (4 GB, in KB). */
    static final long VIRTUAL_OUT_OF_REACH_KB = 4L * 1024 * 1024;

    private WorkerAddressSpace() {
    }

    /**
     * A sentence on the pool's recycling memory limits (facts of {@link PoolMemoryLimit}) for a 32-bit worker
     * that ran out of memory, or "" when the pool sets none.
     */
    public static String limitNote(List<?> limits) {
        for (Object o : limits) {
            PoolMemoryLimit l = (PoolMemoryLimit) o;
            boolean privateOut = l.privateMemoryKb() >= PRIVATE_OUT_OF_REACH_KB;
            boolean virtualOut = l.virtualMemoryKb() >= VIRTUAL_OUT_OF_REACH_KB;
            String set = (l.privateMemoryKb() > 0 ? "privateMemory " + l.privateMemoryText() : "")
                    + (l.privateMemoryKb() > 0 && l.virtualMemoryKb() > 0 ? " and " : "")
                    + (l.virtualMemoryKb() > 0 ? "memory (virtual) " + l.virtualMemoryText() : "");
            if ((l.privateMemoryKb() == 0 || privateOut) && (l.virtualMemoryKb() == 0 || virtualOut)) {
                return "The pool's recycling limit, " + set + " (" + l.source() + "), is above what a 32-bit worker"
                        + " can reach before it runs out of address space: it can never recycle the worker first.";
            }
            return "The pool recycles at " + set + " (" + l.source() + "), and the worker still ran out of memory"
                    + " first: its address space is fragmented, not full.";
        }
        return "";
    }
}
