package io.skitai.testkit.apps;

/** A main that dies before it listens, leaving a recognisable last line. */
public final class FailingMain {

    private FailingMain() {}

    public static void main(String[] args) {
        System.out.println("starting up");
        System.err.println("FAILING-MAIN-MARKER: configuration is broken");
        System.exit(3);
    }
}
