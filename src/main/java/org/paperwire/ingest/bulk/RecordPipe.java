package org.paperwire.ingest.bulk;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.paperwire.ingest.SourceRecord;

/**
 * Runs a producer of records on its own thread and hands its records to the consuming thread through a
 * bounded queue, so that parsing one batch overlaps with writing the previous one. Records travel in
 * chunks to keep the hand-over cheap. The producer stops when the pipe is closed.
 */
final class RecordPipe implements Iterator<SourceRecord>, AutoCloseable {
    private static final int CHUNK = 512;
    private static final int CHUNKS_IN_FLIGHT = 16;
    private static final List<SourceRecord> END = List.of();

    private final BlockingQueue<List<SourceRecord>> queue = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
    private final Thread producer;
    private volatile Throwable producerFailure;
    private Iterator<SourceRecord> current = END.iterator();
    private boolean ended;

    private RecordPipe(Consumer<Consumer<SourceRecord>> produce) {
        this.producer = Thread.ofPlatform().name("paperwire-bulk-reader").daemon().unstarted(() -> run(produce));
    }

    /** Starts {@code produce} on a new thread; it pushes its records into the consumer it is given. */
    static RecordPipe start(Consumer<Consumer<SourceRecord>> produce) {
        RecordPipe pipe = new RecordPipe(produce);
        pipe.producer.start();
        return pipe;
    }

    private void run(Consumer<Consumer<SourceRecord>> produce) {
        try {
            Chunker chunker = new Chunker();
            produce.accept(chunker);
            chunker.flush();
        } catch (Stopped e) {
            return; // the consumer closed the pipe
        } catch (RuntimeException | Error e) {
            producerFailure = e;
        }
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(List<SourceRecord> records) {
        try {
            queue.put(records);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && !ended) {
            List<SourceRecord> next = take();
            if (next == END) {
                ended = true;
                rethrowProducerFailure();
            }
            current = next.iterator();
        }
        return current.hasNext();
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    private List<SourceRecord> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the file reader", e);
        }
    }

    private void rethrowProducerFailure() {
        Throwable failure = producerFailure;
        if (failure instanceof RuntimeException e) {
            throw new IllegalStateException("reading the files failed: " + e.getMessage(), e);
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** Stops the producer (if it is still running) and waits for it. */
    @Override
    public void close() {
        producer.interrupt();
        try {
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects records into chunks and puts each full chunk into the queue. */
    private final class Chunker implements Consumer<SourceRecord> {
        private List<SourceRecord> chunk = new ArrayList<>(CHUNK);

        @Override
        public void accept(SourceRecord record) {
            chunk.add(record);
            if (chunk.size() == CHUNK) {
                flush();
            }
        }

        void flush() {
            if (!chunk.isEmpty()) {
                put(chunk);
                chunk = new ArrayList<>(CHUNK);
            }
        }
    }

    /** Unwinds the producer when the consumer has closed the pipe. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("pipe closed", null, false, false);
        }
    }
}
