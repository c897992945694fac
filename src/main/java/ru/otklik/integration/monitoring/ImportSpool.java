package ru.otklik.integration.monitoring;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;

/**
 * The uploaded file of an import, kept in the database in chunks of {@value #CHUNK} bytes
 * ({@code message_import_chunk}) until the import is done, so that it survives a restart and any node can go
 * on with it. Neither writing nor reading holds more than one chunk in memory.
 */
@Component
class ImportSpool {

    static final int CHUNK = 1 << 20;

    private final JdbcClient jdbc;

    ImportSpool(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the file in the caller's transaction; @return its size in bytes. */
    long store(long importId, InputStream in) throws IOException {
        long size = 0;
        for (int seq = 0; ; seq++) {
            byte[] chunk = in.readNBytes(CHUNK);
            if (chunk.length == 0) {
                return size;
            }
            jdbc.sql("INSERT INTO message_import_chunk (import_id, seq, data) VALUES (?, ?, ?)")
                    .params(importId, seq, chunk).update();
            size += chunk.length;
        }
    }

    /** The stored file, read chunk by chunk as it is consumed. */
    Reader open(long importId) {
        return new Reader(importId);
    }

    /** Frees the stored file once every row's outcome is stored. */
    void delete(long importId) {
        jdbc.sql("DELETE FROM message_import_chunk WHERE import_id = ?").param(importId).update();
    }

    /** Reads the chunks in order; {@link #position()} tells how many bytes were handed out. */
    final class Reader extends InputStream {

        private final long importId;
        private int seq;
        private byte[] chunk = new byte[0];
        private int offset;
        private long position;
        private boolean end;

        private Reader(long importId) {
            this.importId = importId;
        }

        long position() {
            return position;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            position++;
            return chunk[offset++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int from, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - offset);
            System.arraycopy(chunk, offset, buffer, from, n);
            offset += n;
            position += n;
            return n;
        }

        private boolean fill() {
            while (offset >= chunk.length) {
                if (end) {
                    return false;
                }
                byte[] next = jdbc.sql("SELECT data FROM message_import_chunk WHERE import_id = ? AND seq = ?")
                        .params(importId, seq).query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
                if (next == null) {
                    end = true;
                    return false;
                }
                chunk = next;
                offset = 0;
                seq++;
            }
            return true;
        }
    }
}
