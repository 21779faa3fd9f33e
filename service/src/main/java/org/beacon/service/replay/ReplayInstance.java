package org.beacon.service.replay;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This process's name in the {@code replay} table, the same across restarts on one data folder: a start can then
 * fail at once the runs its killed predecessor left queued or running, instead of leaving them "running" until
 * their heartbeat is stale ({@code beacon.replays.stale-after}). The name is kept in
 * {@code <beacon.data-dir>/replays/instance}, locked for the life of the process. A second process on the same
 * folder (PostgreSQL lets instances share one) cannot take the lock, so it runs under a name of its own and inherits
 * nothing: a name's runs are only ever taken over by a process no other live process shares it with. Impact runs and
 * calibrations ({@code analysis_run}) carry the same name.
 */
@Component
public class ReplayInstance {

    private static final Logger log = LoggerFactory.getLogger(ReplayInstance.class);
    /**
     * The name files held by application contexts of this JVM (tests start several): a second channel on a locked
     * file would fail to lock it, and closing it could drop the first one's lock on some systems.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final String id;
    private final boolean inherited;
    private final Path file;
    private final FileChannel channel;

    ReplayInstance(ReplayFolders properties) {
        Path file = properties.dataPath().resolve("replays").resolve("instance").toAbsolutePath().normalize();
        FileChannel open = null;
        String name = null;
        boolean held = HELD.add(file);
        try {
            if (held) {
                Files.createDirectories(file.getParent());
                open = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                if (tryLock(open) != null) {
                    name = readOrCreate(open);
                }
            }
        } catch (IOException e) {
            log.warn("cannot keep this instance's replay name in {} ({}); runs left by a crash are failed after "
                    + "beacon.replays.stale-after", file, e.toString());
        }
        if (name == null) {
            close(open);
            open = null;
            if (held) {
                HELD.remove(file);
            }
            name = UUID.randomUUID().toString();
            log.info("this process runs replays under a name of its own, {}, as another one holds {}: runs it leaves "
                    + "behind are failed after beacon.replays.stale-after", name, file);
        }
        this.id = name;
        this.inherited = open != null;
        this.file = file;
        this.channel = open;
    }

    /** The name this process's runs carry ({@code instance_id}). */
    public String id() {
        return id;
    }

    /** True when no other live process can carry {@link #id}: unfinished runs under it were left by a crash. */
    public boolean inherited() {
        return inherited;
    }

    @PreDestroy
    void release() {
        if (channel != null) {
            close(channel);
            HELD.remove(file);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String readOrCreate(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        try {
            return UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            String name = UUID.randomUUID().toString();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(name.getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return name;
        }
    }

    private static void close(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("cannot close the replay name's file: {}", e.toString());
        }
    }
}
