package org.iisdiag.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The daemon's answer: a sequence of frames, each a type byte and a length-prefixed body, ending with the
 * exit code. Standard output and standard error stay two streams, as a one-shot run writes them.
 */
final class Frames {
    static final byte OUT = 1;
    static final byte ERR = 2;
    /** Last frame: the exit code (4 bytes). */
    static final byte EXIT = 3;
    /** Last frame: the daemon declines (stopping, or another build); the client runs the command itself. */
    static final byte DECLINED = 4;

    private final DataOutputStream out;

    Frames(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    /** A stream whose writes become frames of {@code type}. */
    OutputStream stream(byte type) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > 0) {
                    frame(type, b, off, len);
                }
            }
        };
    }

    private synchronized void frame(byte type, byte[] b, int off, int len) throws IOException {
        out.writeByte(type);
        out.writeInt(len);
        out.write(b, off, len);
        out.flush();
    }

    synchronized void exit(int code) throws IOException {
        out.writeByte(EXIT);
        out.writeInt(code);
        out.flush();
    }

    synchronized void declined() throws IOException {
        out.writeByte(DECLINED);
        out.flush();
    }

    /** Copies an answer to the two streams; returns the exit code, or null when the daemon declined. */
    static Integer relay(DataInputStream in, OutputStream stdout, OutputStream stderr) throws IOException {
        byte[] buffer = new byte[8192];
        while (true) {
            byte type = in.readByte();
            switch (type) {
                case OUT, ERR -> {
                    int len = in.readInt();
                    OutputStream to = type == OUT ? stdout : stderr;
                    while (len > 0) {
                        int n = in.read(buffer, 0, Math.min(len, buffer.length));
                        if (n < 0) {
                            throw new java.io.EOFException("answer cut short");
                        }
                        to.write(buffer, 0, n);
                        len -= n;
                    }
                    to.flush();
                }
                case EXIT -> {
                    return in.readInt();
                }
                case DECLINED -> {
                    return null;
                }
                default -> throw new IOException("unknown frame type " + type);
            }
        }
    }
}
