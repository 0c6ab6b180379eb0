package io.skitai.core;

import io.skitai.core.internal.ServerControl;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a request reaches through {@link Exchange#server()} of its {@link SkitaiServer}: shared
 * state, status, restart, and the two shutdowns (this worker, or the whole server).
 */
final class ServerOperations implements ServerControl {

    private final SkitaiServer server;
    private final Map<String, Supplier<?>> statusSections;

    ServerOperations(SkitaiServer server, Map<String, Supplier<?>> statusSections) {
        this.server = server;
        this.statusSections = statusSections;
    }

    @Override
    public SharedState sharedState() {
        return server.sharedState();
    }

    @Override
    public WorkerChannel workerChannel() {
        return server.workerChannel();
    }

    @Override
    public ServerStatus status() {
        return server.status();
    }

    @Override
    public void restart() {
        server.restart();
    }

    @Override
    public void shutdown() {
        Thread.ofPlatform().name("skitai-shutdown").start(server::stop);
    }

    @Override
    public void shutdownServer() {
        server.shutdown();
    }

    @Override
    public void addStatusSection(String name, Supplier<?> section) {
        statusSections.put(name, section);
    }

    @Override
    public void removeStatusSection(String name, Supplier<?> section) {
        statusSections.remove(name, section);
    }

    @Override
    public String toString() {
        return "ServerOperations(" + server + ")";
    }
}
