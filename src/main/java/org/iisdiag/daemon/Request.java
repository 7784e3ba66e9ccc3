package org.iisdiag.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client asks the daemon: run these arguments as if started in {@code workingDir}, with standard
 * error a terminal or not; or a control word ({@link #STOP}, {@link #STATUS}) instead of arguments.
 */
record Request(String workingDir, boolean errIsTerminal, List<String> args) {
    static final int MAGIC = 0x49495344; // "IISD"
    static final int VERSION = 1;
    /** Control words: not arguments a user can type (they start with a NUL). */
    static final String STOP = "\0stop";
    static final String STATUS = "\0status";
    /** writeUTF's limit: a longer argument is not sent (the client runs the command itself). */
    static final int MAX_STRING_BYTES = 65_535;

    Request {
        args = List.copyOf(args);
    }

    static Request control(String word) {
        return new Request("", false, List.of(word));
    }

    boolean isControl(String word) {
        return args.size() == 1 && args.get(0).equals(word);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(workingDir);
        out.writeBoolean(errIsTerminal);
        out.writeInt(args.size());
        for (String a : args) {
            out.writeUTF(a);
        }
        out.flush();
    }

    static Request read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not an iisdiag request of this version");
        }
        String dir = in.readUTF();
        boolean terminal = in.readBoolean();
        int n = in.readInt();
        if (n < 0 || n > 10_000) {
            throw new IOException("bad argument count " + n);
        }
        List<String> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            args.add(in.readUTF());
        }
        return new Request(dir, terminal, args);
    }

    /** Whether every string fits one writeUTF (modified UTF-8 is at most three bytes a char). */
    boolean sendable() {
        if (workingDir.length() * 3 > MAX_STRING_BYTES) {
            return false;
        }
        return args.stream().allMatch(a -> a.length() * 3 <= MAX_STRING_BYTES);
    }
}
