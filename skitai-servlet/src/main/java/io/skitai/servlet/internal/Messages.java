package io.skitai.servlet.internal;

/** skitai-servlet's failure messages, with stable ids. */
public final class Messages {

    private Messages() {}

    public static String jerseyMissing(String missingClass) {
        return "SKITAI-V001 JakartaRest serves a Jakarta REST Application with Jersey, which is not on the class path ("
                + missingClass + " is missing): add the dependencies org.glassfish.jersey.containers:jersey-container-servlet"
                + " and org.glassfish.jersey.inject:jersey-hk2 (and org.glassfish.jersey.media:jersey-media-json-jackson"
                + " for JSON), on the Jersey version skitai-servlet names";
    }
}
