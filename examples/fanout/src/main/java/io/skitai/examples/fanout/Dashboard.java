package io.skitai.examples.fanout;

import io.skitai.atila.Route;
import io.skitai.was.Call;
import io.skitai.was.Was;
import java.util.LinkedHashMap;
import java.util.Map;

/** The example's controller: one page, one JSON endpoint, each fanning out to three upstreams. */
public final class Dashboard {

    /**
     * Fires the three calls and lets the template collect them: the page takes as long as the
     * slowest upstream, not the sum.
     */
    @Route("/")
    public String page(Was was) {
        was.g().put("weather", was.get("@weather/weather"));
        was.g().put("news", was.get("@news/news"));
        was.g().put("quote", was.get("@quote/quote"));
        return was.render("dashboard.html");
    }

    /** The same three calls as JSON, with how long the fan-out took. */
    @Route("/api")
    public Map<String, Object> api(Was was) {
        long start = System.nanoTime();
        Call weather = was.get("@weather/weather");
        Call news = was.get("@news/news");
        Call quote = was.get("@quote/quote");
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("weather", weather.dataOrThrow(5));
        all.put("news", news.dataOrThrow(5));
        all.put("quote", quote.dataOrThrow(5));
        all.put("ms", (System.nanoTime() - start) / 1_000_000);
        return all;
    }
}
