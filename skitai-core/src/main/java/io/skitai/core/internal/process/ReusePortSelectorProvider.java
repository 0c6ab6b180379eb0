package io.skitai.core.internal.process;

import java.io.IOException;
import java.net.ProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;

/**
 * The JDK's selector provider, except that every server socket it opens has {@code SO_REUSEPORT}
 * set, so the worker processes of one server can all bind its port and the kernel spreads new
 * connections over them. XNIO (under Undertow) opens its listening socket with
 * {@code ServerSocketChannel.open()}, which asks {@link SelectorProvider#provider()}; a worker JVM
 * is started with {@code -Djava.nio.channels.spi.SelectorProvider=} this class and
 * {@code --add-exports=java.base/sun.nio.ch=ALL-UNNAMED} (to reach the JDK's own provider, which
 * does all the real work).
 */
public final class ReusePortSelectorProvider extends SelectorProvider {

    /** The JVM options that install this provider. */
    public static final String[] JVM_OPTIONS = {
        "-Djava.nio.channels.spi.SelectorProvider=" + ReusePortSelectorProvider.class.getName(),
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"
    };

    private final SelectorProvider platform;

    /** Called by the JDK when it loads the system-wide provider. */
    public ReusePortSelectorProvider() {
        try {
            platform = (SelectorProvider) Class.forName("sun.nio.ch.DefaultSelectorProvider").getMethod("get").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SKITAI: cannot reach the JDK's selector provider; start this JVM with"
                    + " --add-exports=java.base/sun.nio.ch=ALL-UNNAMED", e);
        }
    }

    @Override
    public ServerSocketChannel openServerSocketChannel() throws IOException {
        return reusePort(platform.openServerSocketChannel());
    }

    @Override
    public ServerSocketChannel openServerSocketChannel(ProtocolFamily family) throws IOException {
        return reusePort(platform.openServerSocketChannel(family));
    }

    private static ServerSocketChannel reusePort(ServerSocketChannel channel) throws IOException {
        if (channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
            channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        }
        return channel;
    }

    @Override
    public DatagramChannel openDatagramChannel() throws IOException {
        return platform.openDatagramChannel();
    }

    @Override
    public DatagramChannel openDatagramChannel(ProtocolFamily family) throws IOException {
        return platform.openDatagramChannel(family);
    }

    @Override
    public Pipe openPipe() throws IOException {
        return platform.openPipe();
    }

    @Override
    public AbstractSelector openSelector() throws IOException {
        return platform.openSelector();
    }

    @Override
    public SocketChannel openSocketChannel() throws IOException {
        return platform.openSocketChannel();
    }

    @Override
    public SocketChannel openSocketChannel(ProtocolFamily family) throws IOException {
        return platform.openSocketChannel(family);
    }

    @Override
    public Channel inheritedChannel() throws IOException {
        return platform.inheritedChannel();
    }
}
