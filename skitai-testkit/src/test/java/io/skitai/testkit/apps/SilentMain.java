package io.skitai.testkit.apps;

/** A main that never listens (and would run for a minute), for the start timeout. */
public final class SilentMain {

    private SilentMain() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("SILENT-MAIN-MARKER: thinking");
        Thread.sleep(60_000);
    }
}
