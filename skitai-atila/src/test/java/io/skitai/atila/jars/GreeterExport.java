package io.skitai.atila.jars;

import io.skitai.atila.Atila;
import io.skitai.atila.Mounted;
import io.skitai.atila.Route;
import io.skitai.core.App;
import io.skitai.core.ExportedApp;
import io.skitai.core.MountInfo;
import io.skitai.core.Pref;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A library's exported app: its bootstrap turns the file a user names into the greeting. */
public final class GreeterExport implements ExportedApp {

    @Override
    public String name() {
        return "greeter";
    }

    @Override
    public void bootstrap(Pref pref) throws IOException {
        Path file = Path.of(String.valueOf(pref.config().get("greetingFile")));
        pref.config().put("greeting", Files.readString(file).strip());
    }

    @Override
    public App app() {
        return Atila.create().register(new Greeter());
    }

    /** The exported app's one route. */
    public static final class Greeter {
        private volatile String greeting;

        @Mounted
        public void mounted(MountInfo mount) {
            greeting = String.valueOf(mount.pref().config().get("greeting"));
        }

        @Route("/")
        public String hello() {
            return greeting;
        }
    }
}
