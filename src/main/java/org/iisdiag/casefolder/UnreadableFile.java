package org.iisdiag.casefolder;

/** A file in the case folder that could not be opened or sniffed, and why. */
public record UnreadableFile(String name, String reason) {
}
