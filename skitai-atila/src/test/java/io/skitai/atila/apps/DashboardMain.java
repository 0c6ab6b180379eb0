package io.skitai.atila.apps;

import io.skitai.atila.Atila;
import io.skitai.core.Run;
import io.skitai.core.Skitai;
import io.skitai.core.StatusDashboard;

/** An Atila service with the status dashboard at {@code /status}, the way the README shows it (metrics off). */
public final class DashboardMain {

    private DashboardMain() {}

    public static void main(String[] args) {
        Skitai.enableStatusDashboard(StatusDashboard.at("/status"));
        Skitai.mount("/", Atila.create().register(new MetricsMain.Routes()));
        Skitai.run(Run.port(5000).name("dashboard").args(args));
    }
}
