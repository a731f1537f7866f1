package kr.dolbom.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

final class Ports {

    private Ports() {}

    static void requireFree(int port, String wantedBy) {
        if (!isFree(port)) {
            throw new StackFailure("port " + port + " (for " + wantedBy + ") is already in use: another stack "
                    + "running? Stop it, or start this one with --port-offset=N");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
