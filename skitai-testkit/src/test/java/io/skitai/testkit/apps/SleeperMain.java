package io.skitai.testkit.apps;

import io.skitai.core.daemon.Daemon;

/** A program that is not an HTTP server: reports ready as a daemon, then waits to be stopped. */
public final class SleeperMain {

    private SleeperMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("fail")) {
            System.err.println("sleeper: refusing to start, as asked");
            System.exit(7);
        }
        System.out.println("sleeper: up in " + System.getProperty("user.dir"));
        Daemon.notifyReady();
        Thread.sleep(Long.MAX_VALUE);
    }
}
