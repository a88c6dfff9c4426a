package dev.flowstage.core.internal.store;

import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** File attributes that keep a store's files readable by their owner only, where the file system knows POSIX permissions. */
public final class OwnerOnly {
    private OwnerOnly() {}

    /** Returns {@code rw-------} on POSIX file systems, and no attributes elsewhere. */
    public static FileAttribute<?>[] attributes(Path directory) {
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
