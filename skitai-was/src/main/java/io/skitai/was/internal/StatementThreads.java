package io.skitai.was.internal;

import io.skitai.was.Result;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The platform threads one database member's statements run on: at most as many as the member's
 * pool has connections, made when needed and gone after {@value #IDLE_SECONDS} s without work.
 * Statements beyond that wait in line holding no thread. A statement's thread blocks in the kernel
 * on its connection's socket until PostgreSQL answers, which costs less CPU than a virtual thread
 * parking in the JDK's poller and being scheduled back, and since a connection runs one statement
 * at a time, no more threads could run statements anyway. A transaction's statements run on
 * virtual threads instead ({@link #onVirtualThread}): the transaction holds its connection
 * already, and statements waiting here for a connection it holds must not hold up its own.
 * Cancelling a statement's future sends the driver's cancel for it, stops its wait for a
 * connection, or drops it from the line.
 */
final class StatementThreads implements AutoCloseable {

    private static final long IDLE_SECONDS = 30;
    private static final ThreadFactory VIRTUAL = Thread.ofVirtual().name("skitai-pg-tx").factory();

    /** A statement's work, told where to put its JDBC statement (for a cancel) and whether it is cancelled. */
    @FunctionalInterface
    interface Work {
        Result run(AtomicReference<Statement> statement, BooleanSupplier cancelled) throws Exception;
    }

    private final ThreadPoolExecutor threads;

    StatementThreads(String name, int max) {
        threads = new ThreadPoolExecutor(max, max, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().daemon().name(name + "-", 0).factory());
        threads.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code work} on one of the threads when one is free. */
    CompletableFuture<Result> submit(Work work) {
        Run run = new Run(work);
        try {
            threads.execute(run);
        } catch (RejectedExecutionException e) {
            run.answer.completeExceptionally(new IllegalStateException("the database engine is closed"));
        }
        return run.answer;
    }

    /** Runs {@code work} on a new virtual thread of its own. */
    static CompletableFuture<Result> onVirtualThread(Work work) {
        Run run = new Run(work);
        VIRTUAL.newThread(run).start();
        return run.answer;
    }

    /** Statements waiting for a thread. */
    int waiting() {
        return threads.getQueue().size();
    }

    /** Stops the threads; statements still in line end with an exception, running ones run out. */
    @Override
    public void close() {
        for (Runnable never : threads.shutdownNow()) {
            ((Run) never).answer.completeExceptionally(new IllegalStateException("the database engine closed"));
        }
    }

    /** One statement: its answer, its JDBC statement once there is one, and the thread running it. */
    private static final class Run implements Runnable {
        final CompletableFuture<Result> answer = new CompletableFuture<>();
        private final Work work;
        private final AtomicReference<Statement> statement = new AtomicReference<>();
        private Thread runner;

        Run(Work work) {
            this.work = work;
            answer.whenComplete((r, e) -> {
                if (answer.isCancelled()) {
                    cancel();
                }
            });
        }

        @Override
        public void run() {
            if (answer.isDone()) {
                return; // cancelled while in line
            }
            synchronized (this) {
                runner = Thread.currentThread();
            }
            try {
                answer.complete(work.run(statement, answer::isCancelled));
            } catch (Exception e) {
                answer.completeExceptionally(e);
            } finally {
                synchronized (this) {
                    runner = null;
                }
                Thread.interrupted(); // a cancel's interrupt ends with this statement
            }
        }

        /** The statement's cancel, or an interrupt of its wait for a connection before there is a statement. */
        private void cancel() {
            Statement running = statement.get();
            if (running != null) {
                try {
                    running.cancel();
                } catch (SQLException ignored) {
                    // the statement ended meanwhile, or the server cannot be reached: nothing to cancel
                }
                return;
            }
            synchronized (this) {
                if (runner != null) {
                    runner.interrupt();
                }
            }
        }
    }
}
